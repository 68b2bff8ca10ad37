import type { LocalDate } from '../shared/local-date';
import type { MilestoneState, Part } from './task.record';

/**
 * How a milestone and a department's 签收 read to people, computed once here so /tasks/:code,
 * the board and every other view say the same of the same thing on the same day.
 */
export type MilestoneProgress = 'done' | 'done_late' | 'overdue' | 'open';

export const MILESTONE_LABELS = {
  done: '已完成',
  done_late: '逾期完成',
  overdue: '已逾期',
  open: '未完成',
} as const satisfies Record<MilestoneProgress, string>;

export function milestoneProgress(
  m: Pick<MilestoneState, 'dueDate' | 'completion'>,
  today: LocalDate,
): MilestoneProgress {
  if (m.completion) return m.completion.late ? 'done_late' : 'done';
  return m.dueDate < today ? 'overdue' : 'open';
}

export type AcknowledgementProgress = 'pending' | 'overdue' | 'acknowledged' | 'acknowledged_late' | 'not_assigned';

export const ACKNOWLEDGEMENT_LABELS = {
  pending: '待签收',
  overdue: '逾期未签收',
  acknowledged: '已签收',
  acknowledged_late: '逾期签收',
  not_assigned: '未交办',
} as const satisfies Record<AcknowledgementProgress, string>;

export function acknowledgementProgress(part: Pick<Part, 'acknowledgeBy' | 'acknowledged'>, today: LocalDate) {
  if (part.acknowledged) return part.acknowledged.late ? 'acknowledged_late' : 'acknowledged';
  return part.acknowledgeBy < today ? 'overdue' : 'pending';
}

/**
 * The plan's task rows with canonical department names: the appendix sometimes writes an alias
 * (B-3: 区林海局 for 区林业和海洋局); views show one name per department. Names that are not
 * departments (external units, generic wording) stay as written.
 */
export function canonicalTaskLines<
  T extends { readonly lead: readonly string[]; readonly cooperating: readonly string[] },
>(tasks: readonly T[], canonical: (name: string) => string): T[] {
  return tasks.map((t) => ({ ...t, lead: t.lead.map(canonical), cooperating: t.cooperating.map(canonical) }));
}
