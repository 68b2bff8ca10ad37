import { addCalendarDays, daysBetween, STATUS_LABELS, type LocalDate } from '@zw/domain';
import type { IndicatorRow } from '../rows/indicator-row';
import type { DeliveryEntry, DeliveryLedger, TaskRow } from '../rows/task-row';
import { dayOf, daysBetweenInstants } from './dates';
import { movesOf, type Move } from './moves';
import { missingReports } from './reports';
import { byCode } from './plan-task';

export interface DepartmentFigures {
  readonly led: number;
  readonly supported: number;
  readonly pendingAcknowledgements: number;
  readonly overdueAcknowledgements: number;
  readonly milestonesDueSoon: number;
  readonly milestonesOverdue: number;
  readonly tasksOverdue: number;
  /** Periodic reports (进展报送) of ongoing tasks past their due day. */
  readonly reportsOverdue: number;
  /** Overdue items the department holds now: acknowledgements, milestones, led tasks, periodic reports. */
  readonly overdueItems: number;
  readonly completedOnTime: number;
  readonly completedLate: number;
  /** Share of completed milestones and accepted led tasks that were on time; null when none completed. */
  readonly onTimeRate: number | null;
  readonly averageAcknowledgementDays: number | null;
  readonly reminders: number;
  readonly escalations: number;
}

/** Everything one department answers for in a plan, on `today`. */
export function accountabilityView(
  rows: readonly TaskRow[],
  department: string,
  today: LocalDate,
  dueSoonDays: number,
  indicators: readonly IndicatorRow[] = [],
) {
  const horizon = addCalendarDays(today, dueSoonDays);
  const led: Array<{ code: string; title: string; statusLabel: string }> = [];
  const supported: typeof led = [];
  const pending: Array<{
    code: string;
    title: string;
    role: string;
    since: string;
    acknowledgeBy: LocalDate;
    ageDays: number;
    overdue: boolean;
  }> = [];
  const dueSoon: Array<{ code: string; milestoneId: string; title: string; dueDate: LocalDate; daysLeft: number }> = [];
  const overdue: Array<{ code: string; milestoneId: string; title: string; dueDate: LocalDate; daysOverdue: number }> =
    [];
  const overdueTasks: Array<{ code: string; title: string; dueDate: LocalDate; daysOverdue: number }> = [];
  const reportsOverdue: Array<{ code: string; title: string; period: string; dueBy: LocalDate; daysOverdue: number }> =
    [];
  const completed: Array<{
    code: string;
    kind: 'milestone' | 'task';
    title: string;
    dueDate: LocalDate;
    completedAt: string;
    late: boolean;
  }> = [];
  const latencies: number[] = [];
  const deliveries: Array<DeliveryEntry & { code: string }> = [];
  let reminders = 0;
  let escalations = 0;
  const count = (ledger: DeliveryLedger, code: string) => {
    for (const d of ledger.recentDeliveries) if (d.department === department) deliveries.push({ ...d, code });
    const counts = ledger.deliveryCounts.get(department);
    reminders += counts?.ReminderSent ?? 0;
    escalations += counts?.EscalationSent ?? 0;
  };
  for (const ledger of indicators) count(ledger, `指标${ledger.indicatorId}`);
  const moves: Array<Move & { code: string; title: string }> = [];

  for (const row of [...rows].sort(byCode)) {
    count(row, row.code);
    const { state } = row;
    if (state.status === 'unassigned') continue;
    const { task } = state;
    const item = { code: row.code, title: task.facts.title, statusLabel: STATUS_LABELS[state.status] };
    const part = task.parts.get(department);
    const open = state.status !== 'accepted' && state.status !== 'cancelled';
    if (part && state.status !== 'cancelled') (part.role === 'lead' ? led : supported).push(item);
    if (part?.acknowledged) {
      const since = row.partSince.get(department);
      if (since) latencies.push(daysBetweenInstants(since, part.acknowledged.at));
    } else if (part && open) {
      const since = row.partSince.get(department) ?? task.assignedAt;
      pending.push({
        code: row.code,
        title: task.facts.title,
        role: part.role,
        since,
        acknowledgeBy: part.acknowledgeBy,
        ageDays: daysBetween(dayOf(since), today, 'calendar'),
        overdue: part.acknowledgeBy < today,
      });
    }
    for (const m of task.milestones.values()) {
      if (m.completion?.department === department) {
        completed.push({
          code: row.code,
          kind: 'milestone',
          title: m.title,
          dueDate: m.dueDate,
          completedAt: m.completion.at,
          late: m.completion.late,
        });
      }
      if (m.owner !== department || m.completion || !open) continue;
      if (m.dueDate < today)
        overdue.push({
          code: row.code,
          milestoneId: m.milestoneId,
          title: m.title,
          dueDate: m.dueDate,
          daysOverdue: daysBetween(m.dueDate, today, 'calendar'),
        });
      else if (m.dueDate <= horizon)
        dueSoon.push({
          code: row.code,
          milestoneId: m.milestoneId,
          title: m.title,
          dueDate: m.dueDate,
          daysLeft: daysBetween(today, m.dueDate, 'calendar'),
        });
    }
    if (part?.role === 'lead' && task.dueDate) {
      if (state.status === 'accepted' && state.acceptance.closure === 'completed') {
        // On time is judged by when the lead handed the work in, not by when the office accepted it.
        const handedIn = row.handedInAt ?? state.acceptance.acceptedAt;
        const late = dayOf(handedIn) > task.dueDate;
        completed.push({
          code: row.code,
          kind: 'task',
          title: task.facts.title,
          dueDate: task.dueDate,
          completedAt: handedIn,
          late,
        });
      } else if ((state.status === 'assigned' || state.status === 'in_progress') && task.dueDate < today) {
        // Once handed in (会签中, 待办结) the ball is with the cooperating units or the office.
        overdueTasks.push({
          code: row.code,
          title: task.facts.title,
          dueDate: task.dueDate,
          daysOverdue: daysBetween(task.dueDate, today, 'calendar'),
        });
      }
    }
    if (open) {
      for (const m of missingReports(task, today)) {
        if (m.department === department && m.overdue)
          reportsOverdue.push({
            code: row.code,
            title: task.facts.title,
            period: m.period,
            dueBy: m.dueBy,
            daysOverdue: daysBetween(m.dueBy, today, 'calendar'),
          });
      }
    }
    for (const move of movesOf(state, today))
      if (move.party === department) moves.push({ ...move, code: row.code, title: task.facts.title });
  }

  const onTime = completed.filter((c) => !c.late).length;
  const figures: DepartmentFigures = {
    led: led.length,
    supported: supported.length,
    pendingAcknowledgements: pending.length,
    overdueAcknowledgements: pending.filter((p) => p.overdue).length,
    milestonesDueSoon: dueSoon.length,
    milestonesOverdue: overdue.length,
    tasksOverdue: overdueTasks.length,
    reportsOverdue: reportsOverdue.length,
    overdueItems:
      pending.filter((p) => p.overdue).length + overdue.length + overdueTasks.length + reportsOverdue.length,
    completedOnTime: onTime,
    completedLate: completed.length - onTime,
    onTimeRate: completed.length === 0 ? null : round(onTime / completed.length, 3),
    averageAcknowledgementDays:
      latencies.length === 0 ? null : round(latencies.reduce((a, b) => a + b, 0) / latencies.length, 1),
    reminders,
    escalations,
  };
  return {
    department,
    asOf: today,
    figures,
    tasksLed: led,
    tasksSupported: supported,
    pendingAcknowledgements: pending,
    milestonesDueSoon: dueSoon,
    milestonesOverdue: overdue,
    tasksOverdue: overdueTasks,
    reportsOverdue,
    completed,
    deliveries: deliveries
      .sort((a, b) => b.at.localeCompare(a.at))
      .slice(0, 50)
      .map((d) => ({ ...d, typeLabel: DELIVERY_LABELS[d.type] })),
    currentResponsible: moves,
  };
}

export const DELIVERY_LABELS = { ReminderSent: '催办', EscalationSent: '督办', ReminderFailed: '发送失败' } as const;

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
