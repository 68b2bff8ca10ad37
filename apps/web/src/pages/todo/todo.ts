import type { Light } from '../../api/responses';
import type { components } from '../../api/schema';

export type TodoItem = components['schemas']['TodoItemDto'];
type Kind = TodoItem['kind'];

/** The order a person works through 我的待办: what blocks others first. */
const ORDER: Kind[] = [
  'acknowledge',
  'returned',
  'sign-off',
  'objection',
  'extension-to-decide',
  'acceptance',
  'acknowledgement-overdue',
  'milestone',
  'periodic-report',
  'indicator-report',
  'indicator-to-confirm',
  'extension-decided',
  'escalation',
];

/** The one button of an item: 签收 is done in the list, 去审批 opens 延期审批, the rest the item's page. */
export const BUTTONS: Record<Kind, string> = {
  acknowledge: '签收',
  returned: '去办理',
  'sign-off': '去会签',
  objection: '查看异议',
  'extension-to-decide': '去审批',
  acceptance: '去办结',
  'acknowledgement-overdue': '查看',
  milestone: '去完成',
  'periodic-report': '去报送',
  'indicator-report': '去报送',
  'indicator-to-confirm': '去确认',
  'extension-decided': '查看',
  escalation: '查看',
};

/** 我的待办 (GET /me/todo) grouped by kind in working order; late first, then the nearest deadline. */
export function todoGroups(items: readonly TodoItem[]) {
  const sorted = [...items].sort(
    (a, b) =>
      Number(b.late) - Number(a.late) ||
      (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
      a.code.localeCompare(b.code),
  );
  return ORDER.map((kind) => {
    const group = sorted.filter((item) => item.kind === kind);
    return { kind, label: group[0]?.kindLabel ?? kind, items: group };
  }).filter((group) => group.items.length > 0);
}

/** The item's light as the board shows lights: the word, and why (the to-do rule). */
export function todoLight(item: Pick<TodoItem, 'light' | 'late'>): Light {
  const label = { red: '红', yellow: '黄', green: '绿' }[item.light];
  const text = item.late ? '已逾期' : item.light === 'yellow' ? '临期' : '未到期';
  return { colour: item.light, label, reasons: [{ rule: 'todo', text }] };
}

/** Where an item is done: a task's page, or an indicator's (`indicator:14` → /indicator/14). */
export function pageOf(item: Pick<TodoItem, 'code'>): { path: string; label: string } {
  const indicator = /^indicator:(.+)$/.exec(item.code)?.[1];
  if (indicator) return { path: `/indicator/${indicator}`, label: `指标 ${indicator}` };
  return { path: `/task/${item.code}`, label: item.code };
}

/** Where the item's button leads: 去审批 opens 延期审批 on the task's requests, the rest the item's page. */
export function actionPath(item: Pick<TodoItem, 'kind' | 'code'>): string {
  if (item.kind === 'extension-to-decide') return `/extensions?code=${encodeURIComponent(item.code)}`;
  return pageOf(item).path;
}

export function dueText(item: Pick<TodoItem, 'dueDate' | 'daysLeft'>): string {
  const days = item.daysLeft;
  if (!item.dueDate || days === null || days === undefined) return '无期限';
  if (days < 0) return `期限 ${item.dueDate}，已逾期 ${-days} 天`;
  if (days === 0) return `期限 ${item.dueDate}，今天到期`;
  return `期限 ${item.dueDate}，剩余 ${days} 天`;
}
