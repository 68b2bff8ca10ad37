import { formatHundredths } from '@zw/plan';
import type { ProjectDefinition } from './project.definition';
import type { ProjectState } from './project.state';

export interface InvestmentTotals {
  /** 计划总投资, 万元, as the plan writes amounts ("705862.11"). */
  readonly planned: string;
  /** 累计完成投资: the latest report of each project, summed. */
  readonly completed: string;
  /** completed / planned, percent with two decimals; null when nothing is planned. */
  readonly percent: number | null;
  readonly reportedProjects: number;
}

/** Totals over the projects in 0.01万元 integers, so 705862.11 stays 705862.11. */
export function investmentTotals(
  projects: ReadonlyArray<{ def: ProjectDefinition; state: ProjectState }>,
): InvestmentTotals {
  let planned = 0;
  let completed = 0;
  let reportedProjects = 0;
  for (const { def, state } of projects) {
    planned += def.plannedHundredths;
    const latest = state.reports.at(-1);
    if (latest) {
      completed += latest.investmentCompletedHundredths;
      reportedProjects++;
    }
  }
  return {
    planned: formatHundredths(planned),
    completed: formatHundredths(completed),
    percent: planned === 0 ? null : Math.round((completed / planned) * 10000) / 100,
    reportedProjects,
  };
}
