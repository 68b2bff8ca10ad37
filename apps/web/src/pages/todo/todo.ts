import type { BoardItem, Light } from '../../api/responses';
import type { Move } from '../../api/task-responses';

/** A group of 我的待办, in the order a clerk should work through them. */
export type TodoKind = 'acknowledge' | 'signOff' | 'milestone' | 'report' | 'close' | 'other';

export const TODO_GROUPS: Record<TodoKind, string> = {
  acknowledge: '待签收',
  signOff: '待会签',
  milestone: '待完成里程碑',
  report: '待报送进展',
  close: '待提请会签',
  other: '其他待办',
};

export interface TodoItem {
  kind: TodoKind;
  code: string;
  title: string;
  /** What to do, in the api's words (签收, 完成里程碑「…」, 会签 …). */
  action: string;
  dueDate: string | null;
  daysLeft: number | null;
  overdue: boolean;
  light: Light | null;
  revision: string | null;
}

export function kindOf(action: string): TodoKind {
  if (action === '签收') return 'acknowledge';
  if (action === '会签') return 'signOff';
  if (action.startsWith('完成里程碑')) return 'milestone';
  if (action.startsWith('报送')) return 'report';
  if (action.startsWith('提请会签')) return 'close';
  return 'other';
}

/**
 * 我的待办 of a department from its 当前责任方 moves (GET /departments/:d/accountability), each
 * with the task's light from the board; overdue first, then the nearest deadline.
 */
export function todoGroups(moves: readonly Move[], board: readonly BoardItem[], department: string, today: string) {
  const tasks = new Map(board.map((task) => [task.code, task]));
  const items: TodoItem[] = moves
    .filter((move) => move.party === department)
    .map((move) => ({
      kind: kindOf(move.action),
      code: move.code,
      title: move.title,
      action: move.action,
      dueDate: move.dueDate,
      daysLeft: move.dueDate ? daysBetween(today, move.dueDate) : null,
      overdue: move.overdue,
      light: tasks.get(move.code)?.light ?? null,
      revision: tasks.get(move.code)?.revision?.toString() ?? null,
    }))
    .sort(
      (a, b) =>
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.code.localeCompare(b.code),
    );
  return (Object.keys(TODO_GROUPS) as TodoKind[])
    .map((kind) => ({ kind, label: TODO_GROUPS[kind], items: items.filter((item) => item.kind === kind) }))
    .filter((group) => group.items.length > 0);
}

/** Whole calendar days from one YYYY-MM-DD to another (negative when past). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function dueText(item: Pick<TodoItem, 'dueDate' | 'daysLeft'>): string {
  if (!item.dueDate || item.daysLeft === null) return '无期限';
  if (item.daysLeft < 0) return `期限 ${item.dueDate}，已逾期 ${-item.daysLeft} 天`;
  if (item.daysLeft === 0) return `期限 ${item.dueDate}，今天到期`;
  return `期限 ${item.dueDate}，剩余 ${item.daysLeft} 天`;
}
