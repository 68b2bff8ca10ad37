import { answer, sheet, type OperationNotes } from './notes';

/** The plan's views and exports, calendar feeds, the signed-in user's inbox and to-do list. */
export const VIEW_OPERATIONS: Readonly<Record<string, OperationNotes>> = {
  'GET /board': answer('任务台账（红黄绿灯、签收、里程碑、当前责任方），支持 asOf 与筛选', 'Board'),
  'GET /board.xlsx': sheet('任务台账导出 .xlsx（与台账相同的筛选）'),
  'GET /overview': answer('计划总览：按体系、领域、年度的数量与完成率，各单位逾期数', 'Overview'),
  'GET /departments/{department}/accountability': answer('单位责任视图', 'Accountability'),
  'GET /accountability/ranking': answer('考核排名（排名规则随结果给出）', 'Ranking'),
  'GET /accountability/ranking.xlsx': sheet('考核排名导出 .xlsx'),
  'GET /calendar': answer('期限日历：区间内的签收、里程碑、任务期限', 'Calendar'),
  'GET /tasks/{code}/audit-trail': answer('任务审计追溯：谁在何时做了什么，哈希链校验结果', 'AuditTrail'),
  'POST /departments/{department}/calendar-feeds': answer('创建本单位期限日历的订阅链接', 'IssuedCalendarFeed'),
  'GET /departments/{department}/calendar-feeds': answer('单位的日历订阅（不含链接本身）', 'CalendarFeedList'),
  'DELETE /departments/{department}/calendar-feeds/{feedId}': answer('停用一个日历订阅', null),
  'GET /calendar/feeds/{key}.ics': {
    summary: '订阅的期限日历（iCal），无需登录：链接中的密钥即凭证',
    response: 'Text',
    produces: 'text/calendar',
  },
  'GET /me/notifications': answer('我的通知：催办、督办与待办提醒，含未读数', 'NotificationsPageDto'),
  'POST /me/notifications/read': answer('标记通知已读（至某一位置）', 'MarkReadAnswerDto'),
  'GET /me/todo': answer('我的待办：按角色列出待签收、待报送、待审核等事项', 'TodoAnswerDto'),
  'GET /organisations/{organisationId}/overview': answer(
    '城市总览：各区红黄绿灯、逾期（按区、按单位类别）、同一指标各区并列、区间排名（规则随结果给出），支持 asOf',
    'CityOverview',
  ),
  'GET /organisations/{organisationId}/overview.xlsx': sheet('城市总览导出 .xlsx（各区按排名，排名规则在表下）'),
};
