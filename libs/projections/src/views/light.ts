import { addCalendarDays, daysBetween, leadsOf, type LocalDate, type TaskRecord } from '@zw/domain';
import type { EventRef, TaskRow } from '../rows/task-row';
import { dayOf } from './dates';
import { LIGHT_LABELS, type LightColour, type LightRules } from './light.rules';
import { missingReports } from './reports';

export interface LightReason {
  readonly rule: string;
  readonly text: string;
  /** The events that set the facts this reason rests on (revision in the task's stream). */
  readonly events: readonly EventRef[];
}

export interface Light {
  readonly colour: LightColour | null;
  readonly label: string;
  readonly reasons: readonly LightReason[];
}

/** The light of one task on `today`, with every reason for its colour and the events behind each. */
export function lightOf(row: TaskRow, today: LocalDate, rules: LightRules): Light {
  const { state } = row;
  if (state.status === 'unassigned') return { colour: null, label: '未交办', reasons: [] };
  if (state.status === 'cancelled') return { colour: null, label: '已撤销', reasons: [] };
  if (state.status === 'accepted') return lit('green', [{ rule: 'accepted', text: '已办结', events: [] }]);
  const red = redReasons(row, state.task, state.status, today);
  if (red.length > 0) return lit('red', red);
  const yellow = yellowReasons(row, state.task, state.status, today, rules);
  if (yellow.length > 0) return lit('yellow', yellow);
  return lit('green', [{ rule: 'on_track', text: '无逾期、无临期事项，进度符合预期', events: [] }]);
}

function lit(colour: LightColour, reasons: LightReason[]): Light {
  return { colour, label: LIGHT_LABELS[colour], reasons };
}

const refs = (...events: Array<EventRef | undefined>): EventRef[] =>
  events.filter((e): e is EventRef => e !== undefined);

function redReasons(row: TaskRow, task: TaskRecord, status: string, today: LocalDate): LightReason[] {
  const reasons: LightReason[] = [];
  if (task.dueDate && task.dueDate < today && status !== 'awaiting_acceptance') {
    reasons.push({
      rule: 'task_overdue',
      text: `任务已逾期 ${daysBetween(task.dueDate, today, 'calendar')} 天（期限 ${task.dueDate}）`,
      events: refs(row.dueDateSetBy),
    });
  }
  for (const m of task.milestones.values()) {
    if (!m.completion && m.dueDate < today) {
      reasons.push({
        rule: 'milestone_overdue',
        text: `里程碑「${m.title}」已逾期 ${daysBetween(m.dueDate, today, 'calendar')} 天（${m.owner}，期限 ${m.dueDate}）`,
        events: refs(row.milestoneSetBy.get(m.milestoneId)),
      });
    }
  }
  for (const [department, part] of task.parts) {
    if (!part.acknowledged && part.acknowledgeBy < today) {
      reasons.push({
        rule: 'acknowledgement_overdue',
        text: `${department} 逾期未签收（签收期限 ${part.acknowledgeBy}）`,
        events: refs(row.acknowledgeBySetBy.get(department)),
      });
    }
  }
  return reasons;
}

function yellowReasons(
  row: TaskRow,
  task: TaskRecord,
  status: string,
  today: LocalDate,
  rules: LightRules,
): LightReason[] {
  const reasons: LightReason[] = [];
  const horizon = addCalendarDays(today, rules.dueSoonDays);
  if (task.dueDate && task.dueDate < today) {
    reasons.push({
      rule: 'acceptance_pending_past_due',
      text: `已过期限 ${task.dueDate}，待无废办验收办结`,
      events: refs(row.dueDateSetBy),
    });
  } else if (task.dueDate && task.dueDate <= horizon && status !== 'awaiting_acceptance') {
    reasons.push({
      rule: 'due_soon',
      text: `距任务期限 ${task.dueDate} 还有 ${daysBetween(today, task.dueDate, 'calendar')} 天`,
      events: refs(row.dueDateSetBy),
    });
  }
  for (const m of task.milestones.values()) {
    if (!m.completion && m.dueDate >= today && m.dueDate <= horizon) {
      reasons.push({
        rule: 'milestone_due_soon',
        text: `里程碑「${m.title}」距期限 ${m.dueDate} 还有 ${daysBetween(today, m.dueDate, 'calendar')} 天`,
        events: refs(row.milestoneSetBy.get(m.milestoneId)),
      });
    }
  }
  const behind = behindSchedule(row, task, status, today, rules);
  if (behind) reasons.push(behind);
  const missing = missingPeriodicReport(row, task, today);
  if (missing) reasons.push(missing);
  return reasons;
}

/** Expected progress: the share of the window (from the later of its first year and the assignment) already elapsed. */
export function expectedProgress(task: TaskRecord, today: LocalDate): number | undefined {
  if (!task.dueDate) return undefined;
  const firstYear = /^(\d{4})/.exec(task.facts.window)?.[1];
  const assignedDay = dayOf(task.assignedAt);
  const start = firstYear && `${firstYear}-01-01` > assignedDay ? `${firstYear}-01-01` : assignedDay;
  const span = daysBetween(start, task.dueDate, 'calendar');
  if (span <= 0) return today >= task.dueDate ? 100 : 0;
  return Math.max(0, Math.min(100, Math.round((daysBetween(start, today, 'calendar') / span) * 100)));
}

/** Reported progress: the highest lead's report, or the share of milestones done if that is higher. */
export function actualProgress(task: TaskRecord): number {
  const leads = new Set(leadsOf(task));
  const reported = [...task.progress].filter(([d]) => leads.has(d)).map(([, p]) => p.percent);
  const milestones = [...task.milestones.values()];
  const done =
    milestones.length === 0 ? 0 : Math.round((milestones.filter((m) => m.completion).length / milestones.length) * 100);
  return Math.max(done, ...reported);
}

function behindSchedule(
  row: TaskRow,
  task: TaskRecord,
  status: string,
  today: LocalDate,
  rules: LightRules,
): LightReason | undefined {
  if (status !== 'in_progress') return undefined;
  const expected = expectedProgress(task, today);
  const actual = actualProgress(task);
  if (expected === undefined || actual + rules.progressTolerance >= expected) return undefined;
  return {
    rule: 'behind_schedule',
    text: `进度 ${actual}% 落后于按时限应达到的 ${expected}%（容差 ${rules.progressTolerance} 个百分点）`,
    events: refs(row.progressSetBy ?? row.dueDateSetBy),
  };
}

function missingPeriodicReport(row: TaskRow, task: TaskRecord, today: LocalDate): LightReason | undefined {
  const overdue = missingReports(task, today).filter((m) => m.overdue);
  if (overdue.length === 0) return undefined;
  const text = overdue.map((m) => `${m.department} 未报送 ${m.period} 进展（应于 ${m.dueBy} 前报送）`).join('；');
  return { rule: 'periodic_report_missing', text, events: refs(row.progressSetBy) };
}
