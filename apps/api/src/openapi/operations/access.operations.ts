import { answer, type OperationNotes } from './notes';

/** Sessions, accounts, operations (metrics, health), plans, audit, failed reminders, files, organisations. */
export const ACCESS_OPERATIONS: Readonly<Record<string, OperationNotes>> = {
  'POST /auth/login': answer('登录：用户名和密码换取访问令牌与刷新令牌', 'Session'),
  'POST /auth/refresh': answer('刷新：以刷新令牌换取新的令牌与当前用户（旧刷新令牌随即失效）', 'Session'),
  'POST /auth/logout': answer('退出登录：结束刷新令牌所属的会话', null),
  'GET /auth/me': answer('当前用户：账号、角色、所属单位', 'CurrentUser'),
  'POST /auth/password': answer('修改本人密码（须提供当前密码；所有会话随即结束）', null),
  'GET /users': answer('账号列表（系统管理员）', 'UserList'),
  'POST /users': answer('新建账号（未填密码时生成一次性临时密码）', 'UserAccount'),
  'POST /users/{username}/disable': answer('停用账号（会话随即结束）', 'UserAccount'),
  'POST /users/{username}/enable': answer('启用账号', 'UserAccount'),
  'POST /users/{username}/password-reset': answer('重置账号密码', 'UserAccount'),
  'GET /metrics': { summary: 'Prometheus 指标（仅管理端口）', response: 'Text', produces: 'text/plain' },
  'GET /health': answer('存活检查', 'Health'),
  'GET /health/ready': answer('就绪检查：事件库、Redis、视图（仅管理端口）', 'Health'),
  'POST /plans': answer(
    '导入计划文件（JSON）：有变化时 201，无变化时 200；dryRun=true 时只校验，不记录（200）',
    'PlanImportResult',
  ),
  'PUT /plans/{planId}/tasks': answer(
    '以任务清单表格（.xlsx，附件3 列）替换计划的任务清单；dryRun=true 时只校验，不记录（200）',
    'PlanImportResult',
  ),
  'GET /plans/{planId}': answer('计划概况：各清单的条目数与版本', 'PlanOverview'),
  'GET /plans/{planId}/validation-report': answer('计划校验报告：计数、单位与结构检查', 'PlanValidationReport'),
  'GET /plans/{planId}/{list}': answer('计划的一个清单（部门、外部单位、任务、指标、项目等）', 'PlanList'),
  'GET /audit/verify': answer('校验事件哈希链（防篡改）', 'AuditVerification'),
  'GET /reminders/failed': answer('发送失败的催办', 'FailedReminders'),
  'POST /reminders/failed/{jobId}/retry': answer('重发一条失败的催办', 'ReminderRetried'),
  'POST /files': answer('上传佐证材料', 'UploadedFileDto'),
  'GET /files/{fileId}': { summary: '下载佐证材料（按上传时识别的类型）', response: 'Binary', produces: '*/*' },
  'GET /organisations': answer('本账号可及的组织（本组织，领导和管理员另含下级）及其计划', 'OrganisationList'),
  'POST /organisations': answer('建立组织（本组织之下，系统管理员）', 'Organisation'),
  'PUT /organisations/{organisationId}/name': answer('组织更名（系统管理员）', 'Organisation'),
  'PUT /organisations/{organisationId}/parent': answer(
    '调整上级组织，如独立运行的区并入其市（系统管理员）',
    'Organisation',
  ),
  'POST /organisations/{organisationId}/plans': answer(
    '将已导入的计划归入组织（一个计划只属于一个组织；系统管理员）',
    'Organisation',
  ),
};
