import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ConcurrencyError, InvalidAppendError, toStoreUnavailable } from '@zw/event-store';
import type { Request, Response } from 'express';
import { apiMessage, codeForParserError, codeForStatus, staleCode } from './api-errors';
import { statusForError } from './error-status.map';

/** What the store's own input check answers: its words name our internals (field paths, the adapter). */
const APPEND_REFUSED = '请求内容无法保存：其中有无法存储的值，请检查后重试';

/**
 * A store that cannot take the write (full disk: 507 Insufficient Storage; failing or gone: 503).
 * Nothing was saved and the same request may succeed later, so the answer says so and when to retry.
 */
const STORE_UNAVAILABLE = {
  full: {
    statusCode: 507,
    message: '存储空间已满，本次操作未保存。请稍后重试，或请管理员清理存储空间',
    retryAfterSeconds: 60,
  },
  unavailable: {
    statusCode: HttpStatus.SERVICE_UNAVAILABLE,
    message: '数据存储暂时不可用，本次操作未保存，请稍后重试',
    retryAfterSeconds: 10,
  },
} as const;

/** The one error shape of the api (OpenAPI `ErrorResponse`): `details` is always an object. */
export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Turns every thrown thing into one JSON shape, in Chinese. A body says only what the caller
 * may know: stack traces, the store's wording and a domain error's `internal` (session ids,
 * other departments) go to the log with the request's correlation id (X-Correlation-Id).
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    const request = http.getRequest<Request & { id?: unknown }>() as (Request & { id?: unknown }) | undefined;
    const correlationId = request?.id === undefined ? null : String(request.id);
    const unavailable = toStoreUnavailable(error);
    if (unavailable) {
      // Logged once per outage by the store itself (event-store.module.ts), not per request.
      this.logger.debug({ correlationId, reason: unavailable.reason, detail: unavailable.detail }, 'store unavailable');
      const answer = STORE_UNAVAILABLE[unavailable.reason];
      response.setHeader('Retry-After', String(answer.retryAfterSeconds));
      response
        .status(answer.statusCode)
        .json({ statusCode: answer.statusCode, code: 'STORE.UNAVAILABLE', message: answer.message, details: {} });
      return;
    }
    const body = this.toBody(error, correlationId);
    // Only the unexpected gets a stack: a deliberate 503 (readiness down, import busy) is an answer, not a fault.
    if (body.statusCode >= 500 && !(error instanceof HttpException))
      this.logger.error({ correlationId, stack: error instanceof Error ? error.stack : String(error) }, 'unexpected');
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, correlationId: string | null): ErrorBody {
    if (error instanceof HttpException) return fromHttpException(error);
    if (error instanceof ConcurrencyError) {
      // The stream id is internal (plan id, stream category): the client gets its kind and revision.
      const code = staleCode(error.streamId);
      const currentRevision = error.actual === undefined ? null : error.actual.toString();
      return { statusCode: 409, code, message: apiMessage(code), details: { currentRevision } };
    }
    if (error instanceof InvalidAppendError) {
      // A value the validation let through and the store refused: our gap, told to the log only.
      const { field, reason } = error;
      this.logger.warn({ event: 'append_refused', correlationId, field, reason }, 'withheld from a 400');
      return { statusCode: 400, code: 'REQUEST.INVALID', message: APPEND_REFUSED, details: {} };
    }
    // Errors of the HTTP stack itself (body-parser's 413, malformed JSON's 400): never its English.
    const http = error as { status?: unknown; expose?: unknown; type?: unknown } | null;
    if (http && http.expose === true && typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
      const code = codeForParserError(http.type, http.status);
      return { statusCode: http.status, code, message: apiMessage(code), details: {} };
    }
    const { code, kind } = (error ?? {}) as { code?: unknown; kind?: unknown };
    const status = typeof code === 'string' ? statusForError(code, kind) : undefined;
    if (status !== undefined) {
      const own = error as {
        field?: unknown;
        reason?: unknown;
        details?: unknown;
        internal?: unknown;
        message: string;
      };
      if (own.internal !== null && typeof own.internal === 'object' && Object.keys(own.internal).length > 0) {
        this.logger.warn(
          { event: 'error_detail_withheld', correlationId, code, ...own.internal },
          `withheld from a ${status}`,
        );
      }
      const details = detailsOf(own.details);
      if (typeof own.field === 'string' && typeof own.reason === 'string') {
        details.fields = [{ field: own.field, reason: own.reason }];
      }
      return { statusCode: status, code: code as string, message: own.message, details };
    }
    return { statusCode: 500, code: 'INTERNAL', message: apiMessage('INTERNAL'), details: {} };
  }
}

function fromHttpException(error: HttpException): ErrorBody {
  const status = error.getStatus();
  const raw = error.getResponse();
  const own = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (typeof own.code !== 'string') {
    // Nest's and libraries' own exceptions (unknown route, terminus' 503) speak English: their
    // status picks a Chinese message; what they report (a health check's parts) stays in details.
    const { statusCode: _s, message: _m, error: label, details, ...rest } = own;
    const code = codeForStatus(status);
    const extra = typeof label === 'string' ? rest : { ...rest, error: label };
    return { statusCode: status, code, message: apiMessage(code), details: { ...extra, ...detailsOf(details) } };
  }
  const { statusCode: _s, code, message, details, ...rest } = own;
  return {
    statusCode: status,
    code,
    message: typeof message === 'string' ? message : apiMessage(codeForStatus(status)),
    details: { ...rest, ...detailsOf(details) },
  };
}

/** `details` as an object: a list of `{field, reason}` becomes `fields`, any other list `problems`. */
function detailsOf(details: unknown): Record<string, unknown> {
  if (Array.isArray(details)) {
    const fields = details.every((d) => typeof d === 'object' && d !== null && 'field' in d && 'reason' in d);
    return fields ? { fields: details } : { problems: details };
  }
  return details !== null && typeof details === 'object' ? { ...(details as Record<string, unknown>) } : {};
}
