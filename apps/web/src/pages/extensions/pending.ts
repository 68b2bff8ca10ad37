import type { TaskExtension, TaskView } from '../../api/responses';
import type { TodoItem } from '../todo/todo';

export interface PendingRequest {
  item: TodoItem;
  code: string;
  extensionId: string;
}

const APPROVAL = /^\/tasks\/([^/]+)\/extensions\/([^/]+)\/approval$/;

/**
 * The office's 待审批延期 from 我的待办 (GET /me/todo): each names its task and, in the route that
 * approves it, the request's id. Oldest deadline first, as the to-do list orders them.
 */
export function pendingRequests(items: readonly TodoItem[], code?: string | null): PendingRequest[] {
  return items
    .filter((item) => item.kind === 'extension-to-decide')
    .flatMap((item) => {
      const match = APPROVAL.exec(item.action.route);
      if (!match) return [];
      const request = { item, code: decodeURIComponent(match[1]!), extensionId: decodeURIComponent(match[2]!) };
      return !code || request.code === code ? [request] : [];
    })
    .sort((a, b) => (a.item.dueDate ?? '').localeCompare(b.item.dueDate ?? '') || a.code.localeCompare(b.code));
}

/** The request on the task as read now; undefined once decided (the list is then refreshed). */
export function pendingOn(task: TaskView | undefined, extensionId: string): TaskExtension | undefined {
  if (!task || task.status === 'unassigned') return undefined;
  return task.extensions.find((x) => x.extensionId === extensionId && x.status === 'pending');
}
