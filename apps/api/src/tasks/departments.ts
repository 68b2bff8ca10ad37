import { registryOf } from '@zw/domain';
import type { Plan } from '@zw/plan';
import { validationFailed } from '../errors/validation.pipe';

/**
 * Department names as a request writes them → canonical names of the plan's 责任清单.
 * Aliases are accepted (区林海局 → 区林业和海洋局); anything else cannot be assigned work.
 */
const UNIT_KIND_LABELS = { department: '部门', external: '外部单位', generic: '泛指', unknown: '未知单位' } as const;

export function canonicalDepartments(plan: Plan, names: readonly string[], field: string): string[] {
  const registry = registryOf(plan);
  const problems: Array<{ field: string; reason: string }> = [];
  const out = names.map((name, i) => {
    const unit = registry.resolve(name);
    if (unit.kind === 'department') return unit.canonical;
    problems.push({
      field: `${field}[${i}]`,
      reason: `“${name}”不是本计划责任清单中的部门（${UNIT_KIND_LABELS[unit.kind]}）`,
    });
    return name;
  });
  if (problems.length > 0) throw validationFailed(problems);
  return out;
}
