import type { CommandMetadata, Role } from '../shared/message';
import { specFor } from '../testing/given-when-then';
import type { OrganisationCommand } from './organisation.commands';
import { decideOrganisations } from './organisation.decide';
import { decideUpgrade } from './organisation.upgrade';
import type { OrganisationEvent } from './organisation.events';
import {
  childrenOf,
  evolveOrganisations,
  foldOrganisations,
  initialOrganisationTree,
  isWithin,
  lineageOf,
  ownerOfPlan,
  subtreeOf,
  type OrganisationTree,
} from './organisation.state';

const NOW = '2025-01-06T09:00:00+08:00';
const meta = (role: Role = 'admin'): CommandMetadata => ({ actor: { actorId: `${role}-1`, role }, now: NOW });
const given = specFor<OrganisationCommand, OrganisationEvent, OrganisationTree>({
  decide: decideOrganisations,
  evolve: evolveOrganisations,
  initialState: initialOrganisationTree,
});

const create = (organisationId: string, name: string, kind: 'district' | 'city' | 'province', parentId?: string) =>
  ({
    type: 'CreateOrganisation',
    data: { organisationId, name, kind, ...(parentId ? { parentId } : {}) },
    metadata: meta(),
  }) as const;
const created = (
  organisationId: string,
  name: string,
  kind: 'district' | 'city' | 'province',
  parentId: string | null = null,
): OrganisationEvent => ({
  type: 'OrganisationCreated',
  data: { organisationId, name, kind, parentId, createdAt: NOW },
});
const attached = (organisationId: string, planId: string): OrganisationEvent => ({
  type: 'PlanAttached',
  data: { organisationId, planId, attachedAt: NOW },
});
const attach = (organisationId: string, planId: string, role: Role = 'office'): OrganisationCommand => ({
  type: 'AttachPlan',
  data: { organisationId, planId },
  metadata: meta(role),
});

/** 江苏省 › 岚州市 › 东湖区, 青岚区 (invented), each district with its plan. */
const TREE = [
  created('js', '江苏省', 'province'),
  created('lz', '岚州市', 'city', 'js'),
  created('donghu', '东湖区', 'district', 'lz'),
  created('qinglan', '青岚区', 'district', 'lz'),
  attached('donghu', 'plan-a'),
  attached('qinglan', 'plan-b'),
];

describe('the organisation tree', () => {
  describe('creating', () => {
    it('a province, a city under it and a district under the city', () => {
      const tree = given()
        .when(create('js', '江苏省', 'province'))
        .then([created('js', '江苏省', 'province')]);
      const withCity = given([created('js', '江苏省', 'province')])
        .when(create('lz', '  岚州市 ', 'city', 'js'))
        .then([created('lz', '岚州市', 'city', 'js')]);
      expect(tree.nodes.get('js')).toMatchObject({ kind: 'province', parentId: null, plans: [] });
      expect(withCity.nodes.get('lz')).toMatchObject({ name: '岚州市', parentId: 'js' });
    });

    it('a district on its own (one district, no city yet) is a root', () => {
      given()
        .when(create('donghu', '东湖区', 'district'))
        .then([created('donghu', '东湖区', 'district')]);
    });

    it.each<[string, OrganisationCommand, string]>([
      ['a district straight under a province', create('x', '某区', 'district', 'js'), 'ORGANISATION.PARENT_LEVEL'],
      ['a city under a city', create('x', '某市', 'city', 'lz'), 'ORGANISATION.PARENT_LEVEL'],
      ['a province under anything', create('x', '某省', 'province', 'js'), 'ORGANISATION.PARENT_LEVEL'],
      ['an unknown parent', create('x', '某区', 'district', 'nowhere'), 'ORGANISATION.PARENT_NOT_FOUND'],
      ['a sibling of the same name', create('x', '青岚区', 'district', 'lz'), 'ORGANISATION.NAME_TAKEN'],
      ['an id in use for something else', create('qinglan', '别的区', 'district', 'lz'), 'ORGANISATION.EXISTS'],
      ['an id with capitals', create('QingLan', '某区', 'district', 'lz'), 'ORGANISATION.INVALID_ID'],
      ['a blank name', create('x', '  ', 'district', 'lz'), 'ORGANISATION.INVALID_NAME'],
      ['a name of 61 characters', create('x', '区'.repeat(61), 'district', 'lz'), 'ORGANISATION.INVALID_NAME'],
      [
        'an unknown level',
        {
          ...create('x', '某镇', 'district', 'lz'),
          data: { organisationId: 'x', name: '某镇', kind: 'town' as never },
        },
        'ORGANISATION.INVALID_KIND',
      ],
      [
        'by an office',
        { ...create('x', '某区', 'district', 'lz'), metadata: meta('office') },
        'ORGANISATION.ADMIN_ONLY',
      ],
      [
        'by a leader',
        { ...create('x', '某区', 'district', 'lz'), metadata: meta('leader') },
        'ORGANISATION.ADMIN_ONLY',
      ],
    ])('refuses %s', (_, command, code) => {
      given(TREE).when(command).thenThrows(code);
    });

    it('the same creation again decides nothing (a retried request)', () => {
      given(TREE)
        .when(create('qinglan', '青岚区', 'district', 'lz'))
        .then([]);
    });

    it('a district of the same name under another city is fine', () => {
      const other = [...TREE, created('hz', '杭州市', 'city', 'js')];
      given(other)
        .when(create('hz-qinglan', '青岚区', 'district', 'hz'))
        .then([created('hz-qinglan', '青岚区', 'district', 'hz')]);
    });
  });

  describe('renaming', () => {
    const rename = (organisationId: string, name: string, role: Role = 'admin'): OrganisationCommand => ({
      type: 'RenameOrganisation',
      data: { organisationId, name },
      metadata: meta(role),
    });

    it('records the old and the new name', () => {
      const tree = given(TREE)
        .when(rename('qinglan', '青岚新区'))
        .then([
          {
            type: 'OrganisationRenamed',
            data: { organisationId: 'qinglan', from: '青岚区', to: '青岚新区', renamedAt: NOW },
          },
        ]);
      expect(tree.nodes.get('qinglan')?.name).toBe('青岚新区');
    });

    it('to its own name decides nothing; to a sibling’s name, an unknown one or by an office is refused', () => {
      given(TREE).when(rename('qinglan', '青岚区')).then([]);
      given(TREE).when(rename('qinglan', '东湖区')).thenThrows('ORGANISATION.NAME_TAKEN', 'conflict');
      given(TREE).when(rename('nowhere', '某区')).thenThrows('ORGANISATION.NOT_FOUND', 'not_found');
      given(TREE)
        .when(rename('qinglan', '某区', 'office'))
        .thenThrows('ORGANISATION.ADMIN_ONLY', 'forbidden');
    });
  });

  describe('attaching a plan', () => {
    it('by the office (its import), an admin or the system', () => {
      given(TREE.slice(0, 4))
        .when(attach('qinglan', 'plan-b'))
        .then([attached('qinglan', 'plan-b')]);
      given(TREE.slice(0, 4))
        .when(attach('qinglan', 'plan-b', 'system'))
        .then([attached('qinglan', 'plan-b')]);
    });

    it('a plan belongs to one organisation: again to the same decides nothing, to another is refused', () => {
      given(TREE).when(attach('qinglan', 'plan-b')).then([]);
      given(TREE).when(attach('donghu', 'plan-b')).thenThrows('ORGANISATION.PLAN_TAKEN', 'conflict');
    });

    it('an organisation may hold several plans (one per programme period)', () => {
      const tree = given(TREE)
        .when(attach('donghu', 'plan-a2'))
        .then([attached('donghu', 'plan-a2')]);
      expect(tree.nodes.get('donghu')?.plans).toEqual(['plan-a', 'plan-a2']);
    });

    it('refuses an unknown organisation, a plan id no stream can carry, a department or a leader', () => {
      given(TREE).when(attach('nowhere', 'plan-c')).thenThrows('ORGANISATION.NOT_FOUND');
      given(TREE).when(attach('qinglan', 'plan.c')).thenThrows('ORGANISATION.INVALID_PLAN');
      given(TREE)
        .when(attach('qinglan', 'plan-c', 'department'))
        .thenThrows('ORGANISATION.ATTACH_FORBIDDEN');
      given(TREE)
        .when(attach('qinglan', 'plan-c', 'leader'))
        .thenThrows('ORGANISATION.ATTACH_FORBIDDEN');
    });

    it('refuses a time that is not an instant', () => {
      const command = { ...attach('qinglan', 'plan-c'), metadata: { ...meta('office'), now: 'yesterday' } };
      given(TREE).when(command).thenThrows('ORGANISATION.INVALID_TIME');
    });
  });

  describe('reading the tree', () => {
    const tree = foldOrganisations(TREE);

    it('lineage is the organisation and those above it, nearest first', () => {
      expect(lineageOf(tree, 'qinglan').map((n) => n.id)).toEqual(['qinglan', 'lz', 'js']);
      expect(lineageOf(tree, 'nowhere')).toEqual([]);
    });

    it('a city’s scope holds its districts; a district’s holds neither its city nor its sibling', () => {
      expect(isWithin(tree, 'qinglan', 'lz')).toBe(true);
      expect(isWithin(tree, 'qinglan', 'js')).toBe(true);
      expect(isWithin(tree, 'qinglan', 'qinglan')).toBe(true);
      expect(isWithin(tree, 'qinglan', 'donghu')).toBe(false);
      expect(isWithin(tree, 'lz', 'qinglan')).toBe(false);
      expect(subtreeOf(tree, 'lz').map((n) => n.id)).toEqual(['lz', 'donghu', 'qinglan']);
      expect(childrenOf(tree, 'lz').map((n) => n.name)).toEqual(['东湖区', '青岚区']);
    });

    it('each plan’s organisation', () => {
      expect(ownerOfPlan(tree, 'plan-b')?.name).toBe('青岚区');
      expect(ownerOfPlan(tree, 'plan-z')).toBeUndefined();
    });
  });
});

describe('upgrading a deployment from before organisations', () => {
  const DEFAULT = { id: 'donghu', name: '东湖区', kind: 'district' as const };

  it('creates the default organisation and attaches every stored plan to it, once', () => {
    const events = decideUpgrade(initialOrganisationTree(), DEFAULT, ['plan-a', 'plan-b', 'plan-a'], NOW);
    expect(events).toEqual([
      created('donghu', '东湖区', 'district'),
      attached('donghu', 'plan-a'),
      attached('donghu', 'plan-b'),
    ]);
    expect(decideUpgrade(foldOrganisations(events), DEFAULT, ['plan-a', 'plan-b'], NOW)).toEqual([]);
  });

  it('attaches a plan stored later that belongs to no one; leaves a plan of another organisation where it is', () => {
    const tree = foldOrganisations([...TREE.slice(0, 3), attached('donghu', 'plan-a')]);
    expect(decideUpgrade(tree, DEFAULT, ['plan-a', 'plan-new'], NOW)).toEqual([attached('donghu', 'plan-new')]);
    expect(decideUpgrade(foldOrganisations(TREE), DEFAULT, ['plan-b'], NOW)).toEqual([]);
  });

  it('does not force a default organisation into a tree someone built without it', () => {
    expect(decideUpgrade(foldOrganisations(TREE.slice(0, 2)), DEFAULT, ['plan-z'], NOW)).toEqual([]);
  });
});

describe('adopting unclaimed plans (the upgrade and the seeded plans, as a command)', () => {
  const adopt = (plans: string[], role: Role = 'system'): OrganisationCommand => ({
    type: 'AdoptUnclaimedPlans',
    data: { organisation: { id: 'donghu', name: '东湖区', kind: 'district' }, plans },
    metadata: meta(role),
  });

  it('given an empty tree, creates the default organisation and attaches each plan once; again, decides nothing', () => {
    const tree = given()
      .when(adopt(['plan-a', 'plan-a']))
      .then([created('donghu', '东湖区', 'district'), attached('donghu', 'plan-a')]);
    expect(tree.planOwners.get('plan-a')).toBe('donghu');
    given([created('donghu', '东湖区', 'district'), attached('donghu', 'plan-a')])
      .when(adopt(['plan-a']))
      .then([]);
  });

  it('given a built tree, attaches only plans nobody holds', () => {
    given(TREE.slice(0, 3))
      .when(adopt(['plan-new']))
      .then([attached('donghu', 'plan-new')]);
    given(TREE)
      .when(adopt(['plan-b']))
      .then([]);
  });

  it("is the system's alone: an admin is refused", () => {
    given()
      .when(adopt(['plan-a'], 'admin'))
      .thenThrows('ORGANISATION.ADMIN_ONLY', 'forbidden');
  });
});

describe('moving an organisation under another (a district that ran alone joins its city)', () => {
  const move = (organisationId: string, parentId: string, role: Role = 'system'): OrganisationCommand => ({
    type: 'MoveOrganisation',
    data: { organisationId, parentId },
    metadata: meta(role),
  });
  const alone = [created('donghu', '东湖区', 'district'), created('lz', '岚州市', 'city'), attached('donghu', 'p')];

  it('records where from and where to; the district then lies within the city', () => {
    const tree = given(alone)
      .when(move('donghu', 'lz'))
      .then([
        {
          type: 'OrganisationMoved',
          data: { organisationId: 'donghu', fromParentId: null, toParentId: 'lz', movedAt: NOW },
        },
      ]);
    expect(isWithin(tree, 'donghu', 'lz')).toBe(true);
    expect(ownerOfPlan(tree, 'p')?.id).toBe('donghu');
  });

  it('to where it already is decides nothing; to the wrong level, a sibling’s name or by an office is refused', () => {
    given(TREE).when(move('qinglan', 'lz')).then([]);
    given(TREE).when(move('qinglan', 'js')).thenThrows('ORGANISATION.PARENT_LEVEL');
    given([...TREE, created('x', '东湖区', 'district')])
      .when(move('x', 'lz'))
      .thenThrows('ORGANISATION.NAME_TAKEN');
    given(alone)
      .when(move('donghu', 'lz', 'office'))
      .thenThrows('ORGANISATION.ADMIN_ONLY');
    given(alone).when(move('nowhere', 'lz')).thenThrows('ORGANISATION.NOT_FOUND');
  });
});
