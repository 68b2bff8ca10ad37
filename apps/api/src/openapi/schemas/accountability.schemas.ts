import type { SchemaObject } from '@nestjs/swagger';
import { REMINDER_EVENT_TYPES } from '@zw/domain';
import { bool, date, instant, int, list, nullable, num, object, oneOf, ref, str } from './kit';

/** 单位责任 and 考核排名: a department's figures and lists, the ranking, who has to act now. */
const DepartmentFigures = object({
  led: int('牵头任务数'),
  supported: int('配合任务数'),
  pendingAcknowledgements: int('待签收'),
  overdueAcknowledgements: int('逾期未签收'),
  milestonesDueSoon: int('临期里程碑'),
  milestonesOverdue: int('逾期里程碑'),
  tasksOverdue: int('逾期任务'),
  reportsOverdue: int('逾期未报送进展'),
  overdueItems: int('当前逾期事项合计'),
  completedOnTime: int('按时完成'),
  completedLate: int('逾期完成'),
  onTimeRate: nullable(num('按时完成率（0-1）；尚无完成时为 null')),
  averageAcknowledgementDays: nullable(num('平均签收用时（天）；尚无签收时为 null')),
  reminders: int('收到的催办'),
  escalations: int('收到的督办'),
});

const taskRef = { code: str('任务编号'), title: str('任务名称') };
/** 当前责任方 of a task (libs/projections moves.ts): who has to act now, and what. */
const move = {
  party: str('当前责任方'),
  action: str('须办的事'),
  dueDate: nullable(date('期限')),
  overdue: bool('是否逾期'),
};
const Accountability = object({
  planId: str('计划编号'),
  department: str('单位'),
  asOf: date('视图所示日期'),
  figures: ref('DepartmentFigures'),
  tasksLed: list(object({ ...taskRef, statusLabel: str('任务状态（中文）') }), '牵头的任务'),
  tasksSupported: list(object({ ...taskRef, statusLabel: str('任务状态（中文）') }), '配合的任务'),
  pendingAcknowledgements: list(
    object({
      ...taskRef,
      role: oneOf(['lead', 'cooperating']),
      since: instant('交办（或改派）时间'),
      acknowledgeBy: date('签收期限'),
      ageDays: int('已过天数'),
      overdue: bool('是否逾期'),
    }),
    '待签收',
  ),
  milestonesDueSoon: list(
    object({ code: str(), milestoneId: str(), title: str('里程碑'), dueDate: date(), daysLeft: int('剩余天数') }),
    '临期里程碑',
  ),
  milestonesOverdue: list(
    object({ code: str(), milestoneId: str(), title: str('里程碑'), dueDate: date(), daysOverdue: int('逾期天数') }),
    '逾期里程碑',
  ),
  tasksOverdue: list(object({ ...taskRef, dueDate: date(), daysOverdue: int('逾期天数') }), '逾期任务（牵头）'),
  reportsOverdue: list(
    object({ ...taskRef, period: str('期次'), dueBy: date('应报日期'), daysOverdue: int('逾期天数') }),
    '逾期未报送的进展',
  ),
  completed: list(
    object({
      code: str(),
      kind: oneOf(['milestone', 'task']),
      title: str(),
      dueDate: date('期限'),
      completedAt: instant('完成（交付）时间'),
      late: bool('是否逾期'),
    }),
    '已完成的里程碑与任务',
  ),
  deliveries: list(
    object(
      {
        type: oneOf(REMINDER_EVENT_TYPES, '催办 / 督办 / 发送失败'),
        typeLabel: str('类型（中文）'),
        department: str('单位'),
        rule: str('提醒规则'),
        channel: str('渠道'),
        level: str('督办级别'),
        at: instant('时间'),
        revision: int('事件序号'),
        code: str('任务编号（指标为 指标<序号>）'),
      },
      ['level'],
    ),
    '最近的催办与督办（至多 50 条）',
  ),
  currentResponsible: list(object({ ...move, ...taskRef }), '本单位当前须办的事项'),
});

const Ranking = object({
  planId: str('计划编号'),
  asOf: date('视图所示日期'),
  rule: str('排名规则'),
  departments: list(object({ rank: int('名次（并列同名次）'), department: str(), figures: ref('DepartmentFigures') })),
});

export const ACCOUNTABILITY_SCHEMAS: Record<string, SchemaObject> = {
  DepartmentFigures,
  Accountability,
  Ranking,
  TaskMove: object(move),
};
