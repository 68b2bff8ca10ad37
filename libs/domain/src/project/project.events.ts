import type { Event } from '../shared/message';
import type { Instant, LocalDate } from '../shared/local-date';
import type { Evidence } from '../task/task.events';

/** Stages of a project, in order; `suspended` may come at any point. */
export const PROJECT_PHASES = ['preparation', 'construction', 'completed', 'operating', 'suspended'] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];
export const PHASE_LABELS = {
  preparation: '前期工作',
  construction: '在建',
  completed: '建成',
  operating: '投运',
  suspended: '停缓建',
} as const satisfies Record<ProjectPhase, string>;

export interface ProjectMilestone {
  readonly title: string;
  readonly date: LocalDate;
  readonly done: boolean;
}

/** Events of one project's stream (`projectStreamId`). A report is never edited: the next one supersedes it. */
export type ProjectProgressReported = Event<
  'ProjectProgressReported',
  {
    readonly projectId: string;
    readonly reportId: string;
    readonly department: string;
    readonly phase: ProjectPhase;
    /** 累计完成投资, 万元, cumulative since the project began: the latest report is the figure. */
    readonly investmentCompleted: number;
    /** The same in 0.01万元, so totals add up exactly. */
    readonly investmentCompletedHundredths: number;
    readonly milestones: readonly ProjectMilestone[];
    readonly note: string;
    readonly evidence: readonly Evidence[];
    readonly reportedAt: Instant;
  }
>;

export type ProjectSupervisorSet = Event<
  'ProjectSupervisorSet',
  {
    readonly departments: readonly string[];
    readonly previous: readonly string[];
    readonly reason: string;
    readonly setAt: Instant;
  }
>;

export type ProjectEvent = ProjectProgressReported | ProjectSupervisorSet;
