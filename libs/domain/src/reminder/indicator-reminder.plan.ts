import { DEFAULT_REPORTING_SCHEDULE, periodDeadlines, type ReportingSchedule } from '../indicator/indicator.deadlines';
import type { IndicatorDefinition } from '../indicator/indicator.definition';
import { currentReportOf, responsibleOf, type IndicatorState } from '../indicator/indicator.state';
import type { DayCount, ReminderPolicy } from './reminder.policy';
import { byFireTime, deadlineReminders, type PlannedReminder } from './reminder.plan';

/**
 * Which 指标报送 reminders an indicator calls for: a pure function of the plan's definition,
 * the indicator's state and the policy, as `planReminders` is for a task. For every period
 * whose value is still owed (default: the annual value of year Y by 31 January of Y+1), each
 * responsible department — the office's choice, else the plan's — is reminded before the due
 * date and chased after it (`deadlineReminders`: the task policy's before-due days and overdue
 * chain, no 督办: an overdue indicator shows 红 in the office's and leaders' target list).
 *
 * A period is settled by a report awaiting confirmation or confirmed (the latest one not
 * rejected): the value is then with the office, whichever responsible department sent it.
 * A rejected report owes the value again, so the chase resumes.
 */
export function planIndicatorReminders(
  def: IndicatorDefinition,
  state: IndicatorState,
  policy: ReminderPolicy,
  schedule: ReportingSchedule = DEFAULT_REPORTING_SCHEDULE,
): PlannedReminder[] {
  const departments = responsibleOf(state, def.responsible);
  return periodDeadlines(def, schedule)
    .filter(({ period }) => !currentReportOf(state, period))
    .flatMap(({ period, dueDate }) =>
      departments.flatMap((department) =>
        deadlineReminders({ kind: 'indicator', indicatorId: def.id, period }, department, dueDate, policy),
      ),
    )
    .sort(byFireTime);
}

/** Why a planned indicator reminder is no longer called for, for the log line of a dropped job. */
export function indicatorReminderDropReason(
  def: IndicatorDefinition | undefined,
  state: IndicatorState,
  reminder: PlannedReminder,
  schedule: ReportingSchedule = DEFAULT_REPORTING_SCHEDULE,
): string {
  if (!def) return 'indicator not in the plan';
  if (reminder.target.kind !== 'indicator') return `not an indicator reminder (${reminder.target.kind})`;
  const { period } = reminder.target;
  const report = currentReportOf(state, period);
  if (report) return `report ${report.reportId} ${report.status}`;
  if (!responsibleOf(state, def.responsible).includes(reminder.department)) return 'department no longer responsible';
  const deadline = periodDeadlines(def, schedule).find((d) => d.period === period);
  if (!deadline) return `period ${period} not reported under the schedule`;
  if (deadline.dueDate !== reminder.dueDate) return `due date now ${deadline.dueDate}`;
  return 'facts changed';
}

/** "2024" → 2024 年度, "2024-Q3" → 2024 年第 3 季度. */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  return quarter ? `${quarter[1]} 年第 ${quarter[2]} 季度` : `${period} 年度`;
}

/**
 * The Chinese text of an indicator reminder: it names the indicator (序号 and name), the
 * period, the department, the due date and what is expected (the value in the indicator's
 * unit, or whether it is met, with its source and evidence), so it stands alone in a chat.
 */
export function indicatorReminderMessage(
  reminder: PlannedReminder,
  def: IndicatorDefinition,
  count: DayCount = 'working',
): string {
  const period = reminder.target.kind === 'indicator' ? reminder.target.period : '';
  const { department: dept, dueDate, days } = reminder;
  const what = def.measure.kind === 'numeric' ? `数值（单位：${def.measure.unit}）` : '达成情况（达成/未达成）';
  const subject = `指标 ${def.id}「${def.row.level3}」${periodLabel(period)}${what}`;
  const expected = '请在系统中报送，并注明数据来源、上传佐证材料';
  switch (reminder.rule) {
    case 'before-due':
      return `【指标报送提醒】${dept}：${subject}应于 ${dueDate} 前报送（还有 ${days} ${count === 'calendar' ? '天' : '个工作日'}）。${expected}。`;
    case 'overdue':
      return `【指标逾期提醒】${dept}：${subject}应于 ${dueDate} 前报送，至今未报送，已逾期 ${days} 天。${expected}；确有困难请向无废办说明原因。`;
    case 'acknowledgement-late':
    case 'escalation-office':
    case 'escalation-leadership':
      throw new Error(`indicator reminders have no ${reminder.rule} step`);
    default: {
      const never: never = reminder.rule;
      throw new Error(`unknown reminder rule ${String(never)}`);
    }
  }
}

/** A short subject line for e-mail. */
export function indicatorReminderSubject(reminder: PlannedReminder, def: IndicatorDefinition): string {
  const period = reminder.target.kind === 'indicator' ? periodLabel(reminder.target.period) : '';
  return `【${reminder.rule === 'overdue' ? '指标逾期提醒' : '指标报送提醒'}】指标 ${def.id} ${def.row.level3} ${period}`;
}
