import { isStreamIdPart } from '../task/task.stream';

/** Project streams are `project-<planId>.<序号>`, e.g. `project-qinglan-2023-2026.1`. */
export function projectStreamId(planId: string, projectId: string): string {
  if (!isStreamIdPart(planId) || !isStreamIdPart(projectId))
    throw new Error(`invalid project stream parts ${planId} ${projectId}`);
  return `project-${planId}.${projectId}`;
}
