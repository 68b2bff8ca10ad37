import type { TaskRecord } from '../task/task.record';
import type { PlannedReminder } from './reminder.plan';
import type { DayCount } from './reminder.policy';
import { reportPeriodLabel } from './periodic-report.plan';

/**
 * The Chinese text of a reminder: it names the task code and title, the department, the date
 * and what is expected, so it stands alone in an e-mail or a group chat.
 */
export function reminderMessage(reminder: PlannedReminder, task: TaskRecord, count: DayCount = 'working'): string {
  const { code, title } = task.facts;
  const { department: dept, dueDate, days } = reminder;
  const subject =
    reminder.target.kind === 'milestone'
      ? `任务 ${code}「${title}」的节点「${reminder.milestoneTitle ?? reminder.target.milestoneId}」`
      : reminder.target.kind === 'period'
        ? `任务 ${code}「${title}」${reportPeriodLabel(reminder.target.period)}的定期报送`
        : `任务 ${code}「${title}」`;
  const unit = reminder.rule === 'overdue' || count === 'calendar' ? '天' : '个工作日';
  switch (reminder.rule) {
    case 'before-due':
      return `【催办】${dept}：${subject}将于 ${dueDate} 到期（还有 ${days} ${unit}）。请按期完成，并在系统中报送进展、上传佐证材料；确有困难请在到期前提出延期申请。`;
    case 'acknowledgement-late':
      return `【签收提醒】${dept}：任务 ${code}「${title}」已交办贵单位，签收期限为 ${dueDate}，至今未签收（已超期 ${days} ${unit}）。请尽快在系统中签收。`;
    case 'overdue':
      return `【逾期提醒】${dept}：${subject}已于 ${dueDate} 到期，现已逾期 ${days} 天。请尽快完成并报送进展、上传佐证材料，或说明原因。`;
    case 'escalation-office':
      return `【督办·无废办】${dept}承担的${subject}已于 ${dueDate} 到期，逾期 ${days} ${unit}仍未完成。请无废办督促办理。`;
    case 'escalation-leadership':
      return `【督办·领导小组】${dept}承担的${subject}已于 ${dueDate} 到期，逾期 ${days} ${unit}仍未完成，已提请领导小组督办。`;
    default: {
      const never: never = reminder.rule;
      throw new Error(`unknown reminder rule ${String(never)}`);
    }
  }
}

/** A short subject line for e-mail. */
export function reminderSubject(reminder: PlannedReminder, task: TaskRecord): string {
  const kind = {
    'before-due': '催办',
    'acknowledgement-late': '签收提醒',
    overdue: '逾期提醒',
    'escalation-office': '督办',
    'escalation-leadership': '督办',
  }[reminder.rule];
  return `【${kind}】${task.facts.code} ${task.facts.title}`;
}
