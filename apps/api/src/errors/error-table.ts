import { PASSWORD_PROBLEMS, USER_ERRORS } from '@zw/auth';
import {
  CALENDAR_FEED_ERRORS,
  INDICATOR_ERRORS,
  ORGANISATION_ERRORS,
  PROJECT_ERRORS,
  TASK_ERRORS,
  type ErrorCatalogue,
} from '@zw/domain';
import { API_ERRORS } from './api-errors';
import { statusForError } from './error-status.map';
import { JSON_LIMIT_MESSAGES } from '../security/json-limits';

export interface ErrorRow {
  readonly code: string;
  readonly status: number;
  readonly message: string;
}

/**
 * Codes answered by one place of the api (a guard, a controller) rather than a catalogue. The
 * message is the one shown, or says what varies (`{field}`); docs/errors.md lists them all.
 */
const ELSEWHERE: readonly ErrorRow[] = [
  { code: 'AUTH.TOKEN_MISSING', status: 401, message: '请先登录' },
  { code: 'AUTH.TOKEN_MALFORMED', status: 401, message: '访问令牌格式无效，请重新登录' },
  { code: 'AUTH.TOKEN_INVALID', status: 401, message: '访问令牌无效，请重新登录' },
  { code: 'AUTH.TOKEN_EXPIRED', status: 401, message: '访问令牌已过期，请刷新或重新登录' },
  { code: 'AUTH.TOKEN_REVOKED', status: 401, message: '登录已失效，请重新登录' },
  { code: 'AUTH.TOKEN_DISABLED', status: 401, message: '账号已停用' },
  { code: 'AUTH.LOGIN_FAILED', status: 401, message: '用户名或密码错误' },
  { code: 'SESSION.INVALID', status: 401, message: '登录已失效，请重新登录' },
  {
    code: 'CSRF.HEADER_REQUIRED',
    status: 403,
    message: '使用登录 Cookie 时须带请求头 X-Requested-With（防跨站请求伪造）',
  },
  {
    code: 'AUTH.PASSWORD_CHANGE_REQUIRED',
    status: 403,
    message: '请先修改初始密码（POST /auth/password）后再使用系统',
  },
  { code: 'AUTH.FORBIDDEN', status: 403, message: '无权执行此操作（不属于本角色或本单位的工作）' },
  { code: 'AUTH.NO_POLICY', status: 500, message: '此接口未配置访问策略，已拒绝访问' },
  { code: 'AUTH.TOO_MANY_ATTEMPTS', status: 429, message: '尝试次数过多，请 {seconds} 秒后再试（Retry-After）' },
  {
    code: 'PLAN.INVALID',
    status: 400,
    message: '计划文件或任务清单表格不符合要求（details.fields / details.problems）',
  },
  { code: 'PLAN.SHEET_TOO_LARGE', status: 413, message: '表格超出限制（details.limit、found、allowed）' },
  { code: 'PLAN.IMPORT_BUSY', status: 503, message: '同时导入的表格过多，请稍后再试' },
  {
    code: 'PROJECTION.BEHIND',
    status: 503,
    message: '视图尚未更新到位置 {X-Min-Position}，请稍后重试（details.position）',
  },
  { code: 'AUDIT.STREAM_NOT_FOUND', status: 404, message: '没有这个事件流，无法校验' },
  {
    code: 'STORE.UNAVAILABLE',
    status: 503,
    message: '数据存储暂时不可用，本次操作未保存，请稍后重试（存储空间已满时为 507；Retry-After）',
  },
  { code: 'REMINDER.NOT_FAILED', status: 404, message: '没有失败的催办任务“{jobId}”' },
  { code: 'REMINDER.NO_SCHEDULER', status: 503, message: '本进程不运行催办任务，且未配置 Redis' },
  { code: 'FILE.NOT_FOUND', status: 404, message: '文件不存在' },
  { code: 'FILE.TOO_LARGE', status: 413, message: '文件超过 {n} MB 的上限，未保存' },
  { code: 'FILE.TYPE_NOT_ALLOWED', status: 415, message: '文件类型不在允许之列' },
];

/** Every code with its status and Chinese message: the api's, the catalogues', the rest. */
export function errorTable(): ErrorRow[] {
  const rows: ErrorRow[] = [
    ...Object.entries(API_ERRORS).map(([code, [status, message]]) => ({ code, status, message })),
    ...Object.entries(JSON_LIMIT_MESSAGES).map(([code, message]) => ({ code, status: 400, message })),
    ...Object.entries(PASSWORD_PROBLEMS).map(([code, message]) => ({ code, status: 400, message })),
    ...ELSEWHERE,
    ...[TASK_ERRORS, INDICATOR_ERRORS, PROJECT_ERRORS, USER_ERRORS, ORGANISATION_ERRORS, CALENDAR_FEED_ERRORS].flatMap(
      (catalogue: ErrorCatalogue) =>
        Object.entries(catalogue).map(([code, [kind, message]]) => ({
          code,
          status: statusForError(code, kind) ?? 500,
          message,
        })),
    ),
  ];
  const seen = new Set<string>();
  return rows.filter((r) => !seen.has(r.code) && seen.add(r.code)).sort((a, b) => a.code.localeCompare(b.code));
}

/** The table of docs/errors.md, rendered from the code. */
export function renderErrorTable(): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  return [
    '| code | HTTP | message |',
    '|---|---|---|',
    ...errorTable().map((r) => `| \`${r.code}\` | ${r.status} | ${escape(r.message)} |`),
  ].join('\n');
}
