import { createDepartmentRegistry, toHundredths, type Plan, type Project } from '@zw/plan';

/**
 * One project of 附件5. Who reports its progress: the supervising department (主管部门) of the
 * implementing entity. Plans name none: an entity is usually an enterprise; where it is itself a
 * department of the plan (a 城市管理局 written under one of its aliases) that department reports.
 * The office names the others (ProjectSupervisorSet).
 */
export interface ProjectDefinition {
  readonly planId: string;
  /** The 序号 as text. */
  readonly id: string;
  readonly no: number;
  readonly row: Project;
  /** 计划总投资 in 0.01万元, exact (parsed from the written amount). */
  readonly plannedHundredths: number;
  readonly supervising: readonly string[];
}

export function projectDefinitions(plan: Plan): ProjectDefinition[] {
  const registry = createDepartmentRegistry(plan);
  return plan.projects.map((row) => {
    const entity = registry.resolve(row.entity);
    const plannedHundredths = toHundredths(row.investmentRaw);
    // The plan schema already checks investmentRaw; a bad one here is a broken plan, not user input.
    if (plannedHundredths === null)
      throw new Error(`project ${row.no}: investment ${row.investmentRaw} is not an amount`);
    return {
      planId: plan.id,
      id: String(row.no),
      no: row.no,
      row,
      plannedHundredths,
      supervising: entity.kind === 'department' ? [entity.canonical] : [],
    };
  });
}
