import { createDepartmentRegistry, findRegistryConflicts, type UnitResolution } from './departments.registry';
import type { Plan } from './plan.schema';
import { finding, labels, type Finding, type Location } from './validation.findings';

/**
 * Findings about who is named: a task can only be assigned, signed off and assessed if every
 * name in it resolves to one of the plan's departments, so each other case is surfaced.
 */
type Role = 'lead' | 'cooperating' | 'responsible' | 'dataSource' | 'entity';

interface Usage extends Location {
  readonly written: string;
  readonly role: Role;
  readonly resolution: UnitResolution;
}

const ROLE_LABEL: Readonly<Record<Role, string>> = {
  lead: '牵头单位',
  cooperating: '配合单位',
  responsible: '责任部门',
  dataSource: '数据来源',
  entity: '实施主体',
};

function usages(plan: Plan): Usage[] {
  const registry = createDepartmentRegistry(plan);
  const out: Usage[] = [];
  const add = (names: readonly string[], role: Role, path: string, owner: string): void => {
    for (const written of names) {
      out.push({ written, role, path, label: `${owner}${ROLE_LABEL[role]}`, resolution: registry.resolve(written) });
    }
  };
  plan.tasks.forEach((t, i) => {
    add(t.lead, 'lead', `tasks[${i}].lead`, `任务${t.code}`);
    add(t.cooperating, 'cooperating', `tasks[${i}].cooperating`, `任务${t.code}`);
  });
  plan.indicators.forEach((x, i) => {
    add(x.responsible, 'responsible', `indicators[${i}].responsible`, `指标第${x.no}项`);
    add(x.dataSourceUnits, 'dataSource', `indicators[${i}].dataSourceUnits`, `指标第${x.no}项`);
  });
  plan.projects.forEach((p, i) => add([p.entity], 'entity', `projects[${i}].entity`, `项目第${p.no}项`));
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

const where = (list: readonly Usage[]): Location[] => list.map(({ path, label }) => ({ path, label }));

function nameFindings(plan: Plan, all: readonly Usage[]): Finding[] {
  const out: Finding[] = [];
  const count = plan.departments.length;
  for (const [written, list] of groupBy(all, (u) => u.written)) {
    const r = list[0]?.resolution;
    const locations = where(list);
    if (r?.kind === 'unknown') {
      const message = `“${written}”不在责任清单、别名、外部单位或泛指名单中，无法识别（${labels(locations)}）`;
      out.push(finding('error', 'UNKNOWN_UNIT', message, { written, locations }));
    } else if (r?.kind === 'department' && r.viaAlias) {
      const message = `“${written}”按别名识别为“${r.canonical}”（${labels(locations)}）`;
      out.push(finding('info', 'ALIAS_USED', message, { written, canonical: r.canonical, locations }));
    } else if (r?.kind === 'external') {
      const asLead = list.some((u) => u.role === 'lead');
      const message = `“${written}”不属于责任清单所列${count}个部门，作为外部单位保留（${labels(locations)}）`;
      out.push(
        finding(asLead ? 'warning' : 'info', 'EXTERNAL_UNIT', message, {
          name: written,
          category: r.category,
          locations,
        }),
      );
    }
  }
  return out;
}

function genericFindings(all: readonly Usage[]): Finding[] {
  const generic = all.filter((u) => u.resolution.kind === 'generic');
  const out: Finding[] = [];
  for (const u of generic.filter((g) => g.role === 'lead' || g.role === 'cooperating')) {
    const location = { path: u.path, label: u.label };
    if (u.role === 'lead') {
      out.push(
        finding('error', 'GENERIC_LEAD', `${u.label}为泛指“${u.written}”，无法交办`, { text: u.written, location }),
      );
    } else {
      const message = `${u.label}为泛指“${u.written}”，未点名具体部门，会签对象需无废办明确`;
      out.push(finding('warning', 'GENERIC_COOPERATING', message, { text: u.written, location }));
    }
  }
  const others = generic.filter((g) => g.role !== 'lead' && g.role !== 'cooperating');
  for (const [text, list] of groupBy(others, (u) => u.written)) {
    const locations = where(list);
    out.push(
      finding('info', 'GENERIC_ENTRY', `“${text}”为泛指，未点名具体单位（${labels(locations)}）`, { text, locations }),
    );
  }
  return out;
}

function openEndedFindings(plan: Plan): Finding[] {
  const lists = [
    ...plan.tasks.flatMap((t, i) => [
      {
        open: t.leadOpenEnded,
        raw: t.leadRaw,
        names: t.lead,
        path: `tasks[${i}].lead`,
        label: `任务${t.code}牵头单位`,
      },
      {
        open: t.cooperatingOpenEnded,
        raw: t.cooperatingRaw,
        names: t.cooperating,
        path: `tasks[${i}].cooperating`,
        label: `任务${t.code}配合单位`,
      },
    ]),
    ...plan.indicators.flatMap((x, i) => [
      {
        open: x.responsibleOpenEnded,
        raw: x.responsibleRaw,
        names: x.responsible,
        path: `indicators[${i}].responsible`,
        label: `指标第${x.no}项责任部门`,
      },
      {
        open: x.dataSourceOpenEnded,
        raw: x.dataSource,
        names: x.dataSourceUnits,
        path: `indicators[${i}].dataSourceUnits`,
        label: `指标第${x.no}项数据来源`,
      },
    ]),
  ];
  return lists
    .filter((l) => l.open)
    .map(({ raw, names, path, label }) =>
      finding(
        'warning',
        'OPEN_ENDED_LIST',
        `${label}“${raw}”为开放列表（“等”或“相关部门”），名单不完整，需无废办明确`,
        {
          raw,
          names,
          location: { path, label },
        },
      ),
    );
}

function selfCooperationFindings(plan: Plan): Finding[] {
  const registry = createDepartmentRegistry(plan);
  // Compare canonical names, so "区林海局" cooperating with "区林业和海洋局" is caught too.
  const canonical = (name: string): string => {
    const r = registry.resolve(name);
    return r.kind === 'department' ? r.canonical : name;
  };
  return plan.tasks.flatMap((t, i) => {
    const leads = new Set(t.lead.map(canonical));
    const same = [...new Set(t.cooperating.map(canonical))].filter((c) => leads.has(c));
    if (same.length === 0) return [];
    const message = `任务${t.code}配合单位与牵头单位相同（${same.join('、')}）`;
    return [
      finding('warning', 'SELF_COOPERATION', message, { code: t.code, units: same, path: `tasks[${i}].cooperating` }),
    ];
  });
}

export function unitFindings(plan: Plan): Finding[] {
  const all = usages(plan);
  const conflicts = findRegistryConflicts(plan).map((c) =>
    finding('error', 'REGISTRY_CONFLICT', `名称“${c.name}”被重复登记：${c.claims.join('；')}`, { ...c }),
  );
  return [
    ...conflicts,
    ...nameFindings(plan, all),
    ...genericFindings(all),
    ...openEndedFindings(plan),
    ...selfCooperationFindings(plan),
  ];
}
