import { daysBetween, type LocalDate } from '@zw/domain';
import { DEFAULT_LIGHT_RULES, type LightColour } from './light.rules';

/**
 * 我的待办: what the signed-in user must do now, folded from the read model (no store of its
 * own). Each item names the route of the action that clears it; doing that action removes the
 * item from the next answer. Rules per role are in docs/projections.md (我的待办).
 */
export type TodoKind =
  | 'acknowledge'
  | 'milestone'
  | 'periodic-report'
  | 'sign-off'
  | 'returned'
  | 'extension-decided'
  | 'indicator-report'
  | 'extension-to-decide'
  | 'acceptance'
  | 'indicator-to-confirm'
  | 'acknowledgement-overdue'
  | 'objection'
  | 'escalation';

export const TODO_LABELS = {
  acknowledge: '待签收',
  milestone: '节点临期或逾期',
  'periodic-report': '待报送进展',
  'sign-off': '待会签',
  returned: '被退回待重新提交',
  'extension-decided': '延期申请已审批',
  'indicator-report': '待报送指标',
  'extension-to-decide': '待审批延期',
  acceptance: '待办结',
  'indicator-to-confirm': '待确认指标报送',
  'acknowledgement-overdue': '签收逾期',
  objection: '会签有异议',
  escalation: '督办',
} as const satisfies Record<TodoKind, string>;

export interface TodoItem {
  readonly kind: TodoKind;
  readonly kindLabel: string;
  /** The task code, or `indicator:<序号>` for an indicator. */
  readonly code: string;
  readonly title: string;
  readonly dueDate: LocalDate | null;
  /** Calendar days from today to the due date; negative when late; null without a due date. */
  readonly daysLeft: number | null;
  readonly late: boolean;
  readonly light: LightColour;
  readonly detail: string;
  readonly action: { readonly method: 'GET' | 'POST'; readonly route: string };
}

/** The day a list is folded for, and the board's 临期 window (LIGHT_DUE_SOON_DAYS, 30 by default). */
export interface TodoDay {
  readonly today: LocalDate;
  readonly dueSoonDays?: number;
}

/**
 * An item on `today`: 红 late, 黄 due within the board's 临期 window (so one deadline never reads 黄
 * on 任务台账 and 绿 in 我的待办), 绿 otherwise or undated.
 */
export function todoItem(
  { today, dueSoonDays = DEFAULT_LIGHT_RULES.dueSoonDays }: TodoDay,
  kind: TodoKind,
  code: string,
  title: string,
  dueDate: LocalDate | null,
  detail: string,
  action: TodoItem['action'],
): TodoItem {
  const daysLeft = dueDate === null ? null : daysBetween(today, dueDate, 'calendar');
  const late = daysLeft !== null && daysLeft < 0;
  const light: LightColour = late ? 'red' : daysLeft !== null && daysLeft <= dueSoonDays ? 'yellow' : 'green';
  return { kind, kindLabel: TODO_LABELS[kind], code, title, dueDate, daysLeft, late, light, detail, action };
}

export const post = (route: string) => ({ method: 'POST', route }) as const;
export const get = (route: string) => ({ method: 'GET', route }) as const;
