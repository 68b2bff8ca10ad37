import type { Command } from '../shared/message';
import type { Evidence } from '../task/task.events';
import type { ProjectMilestone, ProjectPhase } from './project.events';

export type ReportProjectProgress = Command<
  'ReportProjectProgress',
  {
    readonly phase: ProjectPhase;
    /** 累计完成投资 in 万元, at most two decimals. */
    readonly investmentCompleted: number;
    readonly milestones?: readonly ProjectMilestone[];
    readonly note?: string;
    /** Optional for projects: a progress note may precede any document. */
    readonly evidence?: readonly Evidence[];
  }
>;
/** Departments are canonical names of 附件4, resolved by the application. */
export type SetProjectSupervisor = Command<
  'SetProjectSupervisor',
  { readonly departments: readonly string[]; readonly reason: string }
>;

export type ProjectCommand = ReportProjectProgress | SetProjectSupervisor;
