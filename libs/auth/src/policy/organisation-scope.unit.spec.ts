import { foldOrganisations, type OrganisationEvent } from '@zw/domain';
import { inScope } from './organisation-scope';

const at = '2025-01-06T09:00:00+08:00';
const created = (organisationId: string, kind: 'district' | 'city' | 'province', parentId: string | null) =>
  ({
    type: 'OrganisationCreated',
    data: { organisationId, name: organisationId, kind, parentId, createdAt: at },
  }) as const;
const TREE = foldOrganisations([
  created('js', 'province', null),
  created('lyg', 'city', 'js'),
  created('a', 'district', 'lyg'),
  created('b', 'district', 'lyg'),
  created('hz', 'city', 'js'),
  created('c', 'district', 'hz'),
] satisfies OrganisationEvent[]);

describe('organisation scope', () => {
  it.each([
    ['office', 'a', 'a', true],
    ['office', 'a', 'b', false],
    ['office', 'lyg', 'a', false], // a city's office does not work in its districts
    ['department', 'a', 'a', true],
    ['department', 'a', 'b', false],
    ['leader', 'a', 'a', true],
    ['leader', 'a', 'b', false],
    ['leader', 'a', 'lyg', false], // a district's leader does not read its city
    ['leader', 'lyg', 'a', true], // a city's leader reads every district below it
    ['leader', 'lyg', 'c', false], // … and no other city's
    ['leader', 'js', 'c', true],
    ['admin', 'a', 'a', true],
    ['admin', 'a', 'b', false],
    ['admin', 'lyg', 'b', true],
  ] as const)('%s of %s reaching %s: %s', (role, own, target, expected) => {
    expect(inScope(TREE, { role, organisationId: own }, target)).toBe(expected);
  });

  it('fails closed: no organisation on either side, an unknown one, the system actor', () => {
    expect(inScope(TREE, { role: 'leader' }, 'a')).toBe(false);
    expect(inScope(TREE, { role: 'leader', organisationId: 'lyg' }, undefined)).toBe(false);
    expect(inScope(TREE, { role: 'leader', organisationId: 'gone' }, 'gone')).toBe(false);
    expect(inScope(TREE, { role: 'system', organisationId: 'a' }, 'a')).toBe(false);
  });
});
