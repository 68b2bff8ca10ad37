import type { Instant } from '../shared/local-date';
import type { ProjectEvent, ProjectProgressReported } from './project.events';

export type ProjectReport = Omit<ProjectProgressReported['data'], 'projectId'>;

export interface ProjectState {
  /** In report order; the last is the project's current figure. */
  readonly reports: readonly ProjectReport[];
  readonly supervisor: {
    readonly departments: readonly string[];
    readonly reason: string;
    readonly at: Instant;
  } | null;
}

export function initialProjectState(): ProjectState {
  return { reports: [], supervisor: null };
}

export function evolveProject(state: ProjectState, event: ProjectEvent): ProjectState {
  switch (event.type) {
    case 'ProjectProgressReported': {
      const { projectId: _, ...report } = event.data;
      return { ...state, reports: [...state.reports, report] };
    }
    case 'ProjectSupervisorSet':
      return {
        ...state,
        supervisor: { departments: event.data.departments, reason: event.data.reason, at: event.data.setAt },
      };
    default: {
      const never: never = event;
      throw new Error(`unknown project event ${JSON.stringify(never)}`);
    }
  }
}

export function foldProject(events: Iterable<ProjectEvent>, from: ProjectState = initialProjectState()): ProjectState {
  let state = from;
  for (const event of events) state = evolveProject(state, event);
  return state;
}

/** The reporting departments: the office's choice once made, else the plan's. */
export function supervisorsOf(state: ProjectState, planDefault: readonly string[]): readonly string[] {
  return state.supervisor?.departments ?? planDefault;
}
