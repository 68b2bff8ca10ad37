import { ACCESS_OPERATIONS } from './operations/access.operations';
import type { OperationNotes } from './operations/notes';
import { VIEW_OPERATIONS } from './operations/view.operations';
import { WORK_OPERATIONS } from './operations/work.operations';

export type { OperationNotes } from './operations/notes';

/**
 * Every operation's notes (operations/notes.ts), by area. Keyed `METHOD /path` as the document
 * writes paths; test/openapi.e2e-spec.ts fails when a route of the app has no row or a row
 * names a route that is gone.
 */
export const OPERATIONS: Readonly<Record<string, OperationNotes>> = {
  ...ACCESS_OPERATIONS,
  ...WORK_OPERATIONS,
  ...VIEW_OPERATIONS,
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
