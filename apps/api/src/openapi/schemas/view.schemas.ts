import type { SchemaObject } from '@nestjs/swagger';
import { DEADLINE_LABELS } from '@zw/projections';
import { bool, date, instant, int, list, nullable, num, object, oneOf, ref, revision, str } from './kit';

/** The plan's views: overview, the calendar and its feeds, the audit verification (accountability: its own file). */
const tally = {
  total: int('任务数'),
  assigned: int('已交办'),
  accepted: int('已办结'),
  open: int('办理中（已交办未办结、未撤销）'),
  red: int('红灯'),
  yellow: int('黄灯'),
  green: int('绿灯'),
  completionRate: num('办结率（0-1）'),
};
const Tally = object(tally);

const Overview = object({
  planId: str('计划编号'),
  asOf: date('视图所示日期（上海时间）'),
  total: Tally,
  bySystem: list(object({ system: str('体系'), ...tally }), '按体系'),
  byArea: list(object({ area: str('领域'), ...tally }), '按领域'),
  byYear: list(object({ year: str('年度（期限所在年，持续开展类为其时间）'), ...tally }), '按年度'),
  overdueByDepartment: list(
    object({
      department: str('单位'),
      overdueItems: int('逾期事项合计'),
      overdueAcknowledgements: int('逾期未签收'),
      milestonesOverdue: int('逾期里程碑'),
      tasksOverdue: int('逾期任务'),
      reportsOverdue: int('逾期未报送进展'),
    }),
    '各单位逾期（多者在前）',
  ),
});

const Calendar = object({
  planId: str('计划编号'),
  asOf: date('今天（上海时间）'),
  deadlines: list(
    object({
      id: str('稳定编号（iCal UID）'),
      date: date('日期'),
      kind: oneOf(Object.keys(DEADLINE_LABELS), '期限类型'),
      kindLabel: str('期限类型（中文）'),
      code: str('任务编号'),
      taskTitle: str('任务名称'),
      title: str('日程标题'),
      departments: list(str(), '相关单位'),
      done: bool('是否已完成'),
      overdue: bool('是否逾期'),
      statusLabel: str('状态（中文）'),
    }),
  ),
});

const feed = {
  feedId: str('订阅编号'),
  planId: str('计划编号'),
  department: str('单位'),
  issuedAt: instant('创建时间'),
  issuedBy: object({ actorId: str('创建人账号'), role: str('创建人角色') }),
  status: oneOf(['open', 'revoked', 'closed'], '有效 / 已停用 / 已失效'),
  statusLabel: str('状态（中文）'),
  revokedAt: instant('停用时间'),
  revokedBy: str('停用人账号'),
};
const CalendarFeed = object(feed, ['revokedAt', 'revokedBy']);
const IssuedCalendarFeed = object(
  {
    ...feed,
    path: str('订阅路径（含密钥，仅此一次返回）'),
    url: str('订阅链接'),
    webcal: str('webcal:// 链接'),
    position: nullable(revision('全局位置')),
  },
  ['revokedAt', 'revokedBy'],
);

const AuditVerification = object(
  {
    ok: bool('哈希链与佐证材料文件是否都完好'),
    result: str('校验通过 / 发现篡改或缺失'),
    stream: str('所校验的事件流（?stream= 时）'),
    streams: int('校验的事件流数'),
    events: int('校验的事件数'),
    firstBreak: ref('ChainBreak'),
    files: object({
      ok: bool('引用的文件是否都在且未改动'),
      referenced: int('被引用的文件数'),
      problems: list(
        object({
          fileId: str('文件编号'),
          name: str('文件名'),
          streamId: str('首次引用它的事件流'),
          revision: revision('首次引用它的事件序号'),
          problem: oneOf(['missing', 'altered'], '缺失 / 内容被改动'),
        }),
      ),
    }),
  },
  ['stream', 'streams', 'events', 'firstBreak', 'files'],
);

export const VIEW_SCHEMAS: Record<string, SchemaObject> = {
  Overview,
  Calendar,
  CalendarFeed,
  CalendarFeedList: list(ref('CalendarFeed')),
  IssuedCalendarFeed,
  AuditVerification,
};
