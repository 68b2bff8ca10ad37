import type { ProjectEvent } from './project.events';

/** The one catalogue of project event types (labels for readers; a Record over the union). */
export const PROJECT_EVENTS = {
  ProjectProgressReported: { label: '报送项目进展' },
  ProjectSupervisorSet: { label: '指定主管部门' },
} as const satisfies Record<ProjectEvent['type'], { label: string }>;

/** A stored event as a ProjectEvent; `undefined` for a type this version does not know. */
export function decodeProjectEvent(stored: {
  readonly type: string;
  readonly data: unknown;
}): ProjectEvent | undefined {
  return Object.hasOwn(PROJECT_EVENTS, stored.type)
    ? ({ type: stored.type, data: stored.data } as ProjectEvent)
    : undefined;
}
