import { BadRequestException } from '@nestjs/common';
import { registryOf } from '@zw/domain';
import type { Plan } from '@zw/plan';

/**
 * Department names as a request writes them → canonical names of the plan's 责任清单.
 * Aliases are accepted (区林海局 → 区林业和海洋局); anything else cannot be assigned work.
 */
export function canonicalDepartments(plan: Plan, names: readonly string[], field: string): string[] {
  const registry = registryOf(plan);
  const problems: Array<{ field: string; reason: string }> = [];
  const out = names.map((name, i) => {
    const unit = registry.resolve(name);
    if (unit.kind === 'department') return unit.canonical;
    problems.push({ field: `${field}[${i}]`, reason: `“${name}”不是本计划责任清单中的部门 (${unit.kind})` });
    return name;
  });
  if (problems.length > 0) {
    throw new BadRequestException({
      code: 'VALIDATION',
      message: `${problems[0]!.field}: ${problems[0]!.reason}`,
      details: problems,
    });
  }
  return out;
}
