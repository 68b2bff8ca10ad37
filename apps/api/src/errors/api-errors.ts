import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The codes the api itself answers (HTTP conventions, not business rules), with their status
 * and Chinese message. Business codes live in their bounded context's catalogue
 * (libs/domain `TASK_ERRORS`, …); docs/errors.md lists both.
 */
export const API_ERRORS = {
  VALIDATION: [HttpStatus.BAD_REQUEST, '请求内容无效（各字段的原因见 details.fields）'],
  'REQUEST.MALFORMED_JSON': [HttpStatus.BAD_REQUEST, '请求体不是有效的 JSON'],
  'REQUEST.INVALID': [HttpStatus.BAD_REQUEST, '请求无法读取'],
  'REQUEST.TOO_LARGE': [HttpStatus.PAYLOAD_TOO_LARGE, '请求体过大'],
  'REQUEST.UNSUPPORTED_ENCODING': [HttpStatus.UNSUPPORTED_MEDIA_TYPE, '请求体的编码或字符集不受支持'],
  'IDEMPOTENCY.KEY_REUSED': [
    HttpStatus.UNPROCESSABLE_ENTITY,
    '该幂等键（Idempotency-Key）已用于内容不同的请求；新的操作请使用新的幂等键',
  ],
  'TASK.STALE': [HttpStatus.CONFLICT, '任务已被他人更新，请刷新后重试（当前版本见 details.currentRevision）'],
  'INDICATOR.STALE': [HttpStatus.CONFLICT, '指标已被他人更新，请刷新后重试（当前版本见 details.currentRevision）'],
  'PROJECT.STALE': [HttpStatus.CONFLICT, '项目已被他人更新，请刷新后重试（当前版本见 details.currentRevision）'],
  'USER.STALE': [HttpStatus.CONFLICT, '账号已被他人更新，请刷新后重试（当前版本见 details.currentRevision）'],
  'ORGANISATION.STALE': [HttpStatus.CONFLICT, '组织已被他人更新，请刷新后重试（当前版本见 details.currentRevision）'],
  'PLAN.STALE': [HttpStatus.CONFLICT, '计划已被他人更新，请刷新后重试（当前版本见 details.currentRevision）'],
  'STREAM.STALE': [HttpStatus.CONFLICT, '数据已被他人更新，请刷新后重试（当前版本见 details.currentRevision）'],
  NOT_FOUND: [HttpStatus.NOT_FOUND, '没有这个地址或对象'],
  METHOD_NOT_ALLOWED: [HttpStatus.METHOD_NOT_ALLOWED, '不支持该请求方法'],
  FORBIDDEN: [HttpStatus.FORBIDDEN, '无权执行此操作'],
  UNAUTHORIZED: [HttpStatus.UNAUTHORIZED, '请先登录'],
  TOO_MANY_REQUESTS: [HttpStatus.TOO_MANY_REQUESTS, '请求过于频繁，请稍后再试'],
  SERVICE_UNAVAILABLE: [HttpStatus.SERVICE_UNAVAILABLE, '服务暂不可用，请稍后再试'],
  INTERNAL: [HttpStatus.INTERNAL_SERVER_ERROR, '服务器内部错误'],
} as const satisfies Record<string, readonly [HttpStatus, string]>;

export type ApiErrorCode = keyof typeof API_ERRORS;

export function apiMessage(code: ApiErrorCode): string {
  return API_ERRORS[code][1];
}

/** The code an HTTP status answers with when whoever threw it named none (Nest's own 404 …). */
export function codeForStatus(status: number): ApiErrorCode {
  const byStatus: Partial<Record<number, ApiErrorCode>> = {
    400: 'REQUEST.INVALID',
    401: 'UNAUTHORIZED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    405: 'METHOD_NOT_ALLOWED',
    413: 'REQUEST.TOO_LARGE',
    415: 'REQUEST.UNSUPPORTED_ENCODING',
    429: 'TOO_MANY_REQUESTS',
    503: 'SERVICE_UNAVAILABLE',
  };
  return byStatus[status] ?? (status >= 500 ? 'INTERNAL' : 'REQUEST.INVALID');
}

/** The stale-revision code of a stream, by its kind (`task-…` → TASK.STALE); never its id. */
export function staleCode(streamId: string): ApiErrorCode {
  // The category: before the first '-' (`task-…`), or the whole id of a single stream (`organisations`).
  const dash = streamId.indexOf('-');
  const kind = dash < 0 ? streamId : streamId.slice(0, dash);
  const byKind: Record<string, ApiErrorCode> = {
    task: 'TASK.STALE',
    indicator: 'INDICATOR.STALE',
    project: 'PROJECT.STALE',
    user: 'USER.STALE',
    organisations: 'ORGANISATION.STALE',
    plan: 'PLAN.STALE',
  };
  return byKind[kind] ?? 'STREAM.STALE';
}

/** body-parser's error types → the api's codes. */
export function codeForParserError(type: unknown, status: number): ApiErrorCode {
  if (type === 'entity.parse.failed') return 'REQUEST.MALFORMED_JSON';
  if (type === 'entity.too.large' || type === 'parameters.too.many') return 'REQUEST.TOO_LARGE';
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') return 'REQUEST.UNSUPPORTED_ENCODING';
  return codeForStatus(status);
}

/**
 * Express error middleware placed right after the body parsers: their errors become the api's
 * own (Nest would otherwise turn a JSON SyntaxError into a bare 400 with the parser's English).
 */
export function bodyParserErrors(error: unknown, _req: unknown, _res: unknown, next: (error: unknown) => void): void {
  // An HttpException already speaks the api's language (the JSON limits' verify hook throws one).
  const http =
    error instanceof HttpException ? null : (error as { status?: unknown; expose?: unknown; type?: unknown } | null);
  if (http && http.expose === true && typeof http.status === 'number' && typeof http.type === 'string') {
    const code = codeForParserError(http.type, http.status);
    next(new HttpException({ code, message: apiMessage(code), details: {} }, http.status));
    return;
  }
  next(error);
}
