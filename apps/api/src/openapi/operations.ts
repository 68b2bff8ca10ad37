/**
 * What the OpenAPI document says of each operation that its controller does not: the Chinese
 * summary, the 2xx schema (a name of response.schemas.ts, or a media type for files) and an
 * example body for the main commands. Keyed `METHOD /path` as the document writes paths; a
 * test fails when a route of the app has no row (openapi.document.int.spec.ts).
 */
export interface OperationNotes {
  readonly summary: string;
  /** Schema name of the 2xx body, or `null` when the answer has no body (204). */
  readonly response: string | null;
  /** Non-JSON answers: their media type (`application/vnd…sheet`, `text/calendar`, `text/plain`). */
  readonly produces?: string;
  readonly example?: Record<string, unknown>;
}

const task = (summary: string, example?: Record<string, unknown>): OperationNotes => ({
  summary,
  response: 'TaskCommandResponse',
  ...(example ? { example } : {}),
});
const item = (summary: string, example?: Record<string, unknown>): OperationNotes => ({
  summary,
  response: 'ItemCommandResponse',
  ...(example ? { example } : {}),
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const OPERATIONS: Readonly<Record<string, OperationNotes>> = {
  'POST /auth/login': { summary: '登录：用户名和密码换取访问令牌与刷新令牌', response: 'Session' },
  'POST /auth/refresh': { summary: '刷新：以刷新令牌换取新的令牌（旧刷新令牌随即失效）', response: 'Session' },
  'POST /auth/logout': { summary: '退出登录：结束刷新令牌所属的会话', response: null },
  'GET /auth/me': { summary: '当前用户：账号、角色、所属单位', response: 'CurrentUser' },
  'POST /auth/password': { summary: '修改本人密码（须提供当前密码；所有会话随即结束）', response: null },
  'GET /users': { summary: '账号列表（系统管理员）', response: 'UserList' },
  'POST /users': { summary: '新建账号（未填密码时生成一次性临时密码）', response: 'UserAccount' },
  'POST /users/{username}/disable': { summary: '停用账号（会话随即结束）', response: 'UserAccount' },
  'POST /users/{username}/enable': { summary: '启用账号', response: 'UserAccount' },
  'POST /users/{username}/password-reset': { summary: '重置账号密码', response: 'UserAccount' },
  'GET /metrics': { summary: 'Prometheus 指标（仅管理端口）', response: 'Text', produces: 'text/plain' },
  'GET /health': { summary: '存活检查', response: 'Health' },
  'GET /health/ready': { summary: '就绪检查：事件库、Redis、视图（仅管理端口）', response: 'Health' },
  'POST /plans': {
    summary: '导入计划文件（JSON）：有变化时 201，无变化时 200；dryRun=true 时只校验，不记录（200）',
    response: 'PlanImportResult',
  },
  'PUT /plans/{planId}/tasks': {
    summary: '以任务清单表格（.xlsx，附件3 列）替换计划的任务清单；dryRun=true 时只校验，不记录（200）',
    response: 'PlanImportResult',
  },
  'GET /plans/{planId}': { summary: '计划概况：各清单的条目数与版本', response: 'PlanOverview' },
  'GET /plans/{planId}/validation-report': { summary: '计划校验报告：计数、单位与结构检查', response: 'AnyObject' },
  'GET /plans/{planId}/{list}': {
    summary: '计划的一个清单（部门、外部单位、任务、指标、项目等）',
    response: 'AnyList',
  },
  'GET /audit/verify': { summary: '校验事件哈希链（防篡改）', response: 'AuditVerification' },
  'GET /tasks': { summary: '任务列表（责任单位只见本单位参与的任务）', response: 'TaskList' },
  'POST /tasks': task('新建任务清单外的任务并交办'),
  'GET /tasks/{code}': { summary: '任务详情：状态、责任单位、里程碑、进展与延期', response: 'TaskView' },
  'POST /tasks/{code}/assignment': task('交办任务（未填项取自任务清单）', {
    lead: ['区生态环境局'],
    cooperating: ['区城管局'],
    dueDate: '2024-12-31',
    milestones: [{ title: '2024年度目标', dueDate: '2024-12-31', owner: '区生态环境局' }],
  }),
  'POST /tasks/{code}/reassignment': task('改派任务的牵头或配合单位', {
    lead: ['区城管局'],
    cooperating: [],
    reason: '职责调整',
  }),
  'POST /tasks/{code}/cancellation': task('撤销任务', { reason: '并入其他任务' }),
  'POST /tasks/{code}/acknowledgements': task('签收任务（本单位）'),
  'POST /tasks/{code}/progress-reports': task('报送进展', {
    percent: 40,
    text: '已完成选址论证',
    difficulties: '资金尚未到位',
    nextSteps: '6月底前完成立项',
  }),
  'POST /tasks/{code}/periodic-reports': task('按期报送进展（持续开展类任务）', {
    period: '2024-Q1',
    text: '本季度完成宣传活动 3 次',
  }),
  'POST /tasks/{code}/milestones/{milestoneId}/completion': task('完成里程碑（附佐证材料）', {
    evidence: [{ title: '验收报告', documentRef: '连环发〔2024〕12号' }],
    note: '已通过验收',
  }),
  'POST /tasks/{code}/milestones/{milestoneId}/reopening': task('退回已完成的里程碑', { reason: '佐证材料不全' }),
  'POST /tasks/{code}/milestones': task('新增里程碑'),
  'DELETE /tasks/{code}/milestones/{milestoneId}': task('删除里程碑'),
  'POST /tasks/{code}/sign-off-request': task('申请会签办结（牵头单位）'),
  'POST /tasks/{code}/sign-offs': task('会签（配合单位）'),
  'POST /tasks/{code}/objections': task('对会签提出异议（配合单位）'),
  'POST /tasks/{code}/acceptance': task('办结任务（无废办）'),
  'POST /tasks/{code}/return': task('退回任务（无废办）'),
  'POST /tasks/{code}/extensions': task('申请延期（牵头单位）', {
    milestoneId: 'y2024',
    newDueDate: '2025-03-31',
    reason: '设备采购周期延长',
  }),
  'POST /tasks/{code}/extensions/{extensionId}/approval': task('批准延期申请'),
  'POST /tasks/{code}/extensions/{extensionId}/rejection': task('驳回延期申请'),
  'GET /indicators': { summary: '指标列表：最新报送值与红黄绿灯', response: 'IndicatorList' },
  'GET /indicators.xlsx': { summary: '指标表导出 .xlsx', response: 'Binary', produces: XLSX },
  'GET /indicators/{indicatorId}': { summary: '指标详情：各期报送、进度与红黄绿灯', response: 'IndicatorView' },
  'POST /indicators/{indicatorId}/reports': item('报送指标数据（责任部门）', {
    period: '2023',
    value: 0.017,
    unit: '吨/万元',
    source: '2023年环境统计年报',
    evidence: [{ title: '统计年报', documentRef: '连统〔2024〕3号' }],
  }),
  'POST /indicators/{indicatorId}/reports/{reportId}/confirmation': item('确认指标报送（无废办）'),
  'POST /indicators/{indicatorId}/reports/{reportId}/rejection': item('退回指标报送（无废办）'),
  'PUT /indicators/{indicatorId}/tasks': item('调整指标关联的任务'),
  'PUT /indicators/{indicatorId}/responsible': item('指定指标的报送责任部门'),
  'GET /projects': { summary: '项目列表：阶段、投资完成与合计', response: 'ProjectList' },
  'GET /projects/{projectId}': { summary: '项目详情', response: 'ProjectView' },
  'POST /projects/{projectId}/progress-reports': item('报送项目进展（主管部门）', {
    phase: 'construction',
    investmentCompleted: 1200.5,
    note: '主体工程完成 60%',
  }),
  'PUT /projects/{projectId}/supervisor': item('指定项目的主管部门'),
  'GET /board': { summary: '任务台账（红黄绿灯、签收、里程碑、当前责任方），支持 asOf 与筛选', response: 'Board' },
  'GET /board.xlsx': { summary: '任务台账导出 .xlsx（与台账相同的筛选）', response: 'Binary', produces: XLSX },
  'GET /overview': { summary: '计划总览：按体系、领域、年度的数量与完成率，各单位逾期数', response: 'AnyObject' },
  'GET /departments/{department}/accountability': { summary: '单位责任视图', response: 'AnyObject' },
  'GET /accountability/ranking': { summary: '考核排名（排名规则随结果给出）', response: 'AnyObject' },
  'GET /accountability/ranking.xlsx': { summary: '考核排名导出 .xlsx', response: 'Binary', produces: XLSX },
  'GET /calendar': { summary: '期限日历：区间内的签收、里程碑、任务期限', response: 'AnyObject' },
  'GET /tasks/{code}/audit-trail': { summary: '任务审计追溯：谁在何时做了什么，哈希链校验结果', response: 'AnyObject' },
  'POST /departments/{department}/calendar-feeds': { summary: '创建本单位期限日历的订阅链接', response: 'AnyObject' },
  'GET /departments/{department}/calendar-feeds': { summary: '单位的日历订阅（不含链接本身）', response: 'AnyList' },
  'DELETE /departments/{department}/calendar-feeds/{feedId}': { summary: '停用一个日历订阅', response: null },
  'GET /calendar/feeds/{key}.ics': {
    summary: '订阅的期限日历（iCal），无需登录：链接中的密钥即凭证',
    response: 'Text',
    produces: 'text/calendar',
  },
  'GET /me/notifications': { summary: '我的通知：催办、督办与待办提醒，含未读数', response: 'Notifications' },
  'POST /me/notifications/read': { summary: '标记通知已读（至某一位置）', response: 'NotificationsRead' },
  'GET /me/todo': { summary: '我的待办：按角色列出待签收、待报送、待审核等事项', response: 'Todo' },
  'GET /reminders/failed': { summary: '发送失败的催办', response: 'FailedReminders' },
  'POST /reminders/failed/{jobId}/retry': { summary: '重发一条失败的催办', response: 'AnyObject' },
  'POST /files': { summary: '上传佐证材料', response: 'UploadedFileDto' },
  'GET /files/{fileId}': { summary: '下载佐证材料（按上传时识别的类型）', response: 'Binary', produces: '*/*' },
  'GET /organisations': {
    summary: '本账号可及的组织（本组织，领导和管理员另含下级）及其计划',
    response: 'OrganisationList',
  },
  'POST /organisations': { summary: '建立组织（本组织之下，系统管理员）', response: 'Organisation' },
  'PUT /organisations/{organisationId}/name': { summary: '组织更名（系统管理员）', response: 'Organisation' },
  'PUT /organisations/{organisationId}/parent': {
    summary: '调整上级组织，如独立运行的区并入其市（系统管理员）',
    response: 'Organisation',
  },
  'POST /organisations/{organisationId}/plans': {
    summary: '将已导入的计划归入组织（一个计划只属于一个组织；系统管理员）',
    response: 'Organisation',
  },
  'GET /organisations/{organisationId}/overview': {
    summary:
      '城市总览：各区红黄绿灯、逾期（按区、按单位类别）、同一指标各区并列、区间排名（规则随结果给出），支持 asOf',
    response: 'CityOverview',
  },
  'GET /organisations/{organisationId}/overview.xlsx': {
    summary: '城市总览导出 .xlsx（各区按排名，排名规则在表下）',
    response: 'Binary',
    produces: XLSX,
  },
};

/** Path parameters, described once. */
export const PATH_PARAMETERS: Readonly<Record<string, string>> = {
  code: '任务编号，如 A-16',
  milestoneId: '里程碑编号，如 y2024',
  extensionId: '延期申请编号（申请时返回）',
  indicatorId: '指标序号（附件2），如 14',
  reportId: '指标报送编号（报送时返回）',
  projectId: '项目序号（附件4），如 5',
  planId: '计划编号（计划文件中的 id）',
  list: '清单：departments、externalUnits、genericEntries、tasks、indicators、projects',
  department: '单位名称（责任清单中的名称）',
  feedId: '日历订阅编号',
  key: '日历订阅链接中的密钥',
  username: '用户名',
  jobId: '催办任务编号',
  fileId: '文件编号（上传时返回的 SHA-256）',
  organisationId: '组织编号（区、市、省），如 qinglan',
};
