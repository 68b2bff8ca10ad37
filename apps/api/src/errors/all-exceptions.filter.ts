import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ConcurrencyError, InvalidAppendError, toStoreUnavailable } from '@zw/event-store';
import type { Request, Response } from 'express';
import { statusForError } from './error-status.map';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [extra: string]: unknown;
}

/** What the store's own input check answers: its words name our internals (field paths, the adapter). */
const APPEND_REFUSED: ErrorBody = {
  statusCode: HttpStatus.BAD_REQUEST,
  code: 'REQUEST.INVALID',
  message: '请求内容无法保存：其中有无法存储的值，请检查后重试',
  details: {},
};

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

/**
 * Turns every thrown thing into one JSON shape. A body says only what the caller may know:
 * stack traces, the store's wording and a domain error's `internal` (session ids, other
 * departments) go to the log with the request's correlation id (X-Correlation-Id).
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
        .json({ statusCode: answer.statusCode, code: 'STORE.UNAVAILABLE', message: answer.message });
      return;
    }
    const body = this.toBody(error, correlationId);
    // Only the unexpected gets a stack: a deliberate 503 (readiness down, import busy) is an answer, not a fault.
    if (body.statusCode >= 500 && !(error instanceof HttpException))
      this.logger.error({ correlationId, stack: error instanceof Error ? error.stack : String(error) }, 'unexpected');
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown, correlationId: string | null): ErrorBody {
    if (error instanceof InvalidAppendError) {
      // A value the validation let through and the store refused: our gap, told to the log only.
      const { field, reason } = error;
      this.logger.warn({ event: 'append_refused', correlationId, field, reason }, 'withheld from a 400');
      return { ...APPEND_REFUSED };
    }
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const raw = error.getResponse();
      const details = typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
      return {
        ...details,
        statusCode: status,
        code: typeof details.code === 'string' ? details.code : (HttpStatus[status] ?? 'HTTP_ERROR'),
        message: typeof details.message === 'string' ? details.message : error.message,
      };
    }
    // Errors of the HTTP stack itself (body-parser's 413, malformed JSON's 400) say so.
    const http = error as { status?: unknown; expose?: unknown; type?: unknown } | null;
    if (http && http.expose === true && typeof http.status === 'number' && http.status >= 400 && http.status < 500) {
      const code =
        typeof http.type === 'string' ? http.type.toUpperCase().replace(/\W/g, '_') : HttpStatus[http.status];
      return { statusCode: http.status, code: code ?? 'HTTP_ERROR', message: (error as Error).message };
    }
    const { code, kind } = (error ?? {}) as { code?: unknown; kind?: unknown };
    const status = typeof code === 'string' ? statusForError(code, kind) : undefined;
    if (status !== undefined) {
      const body: ErrorBody = { statusCode: status, code: code as string, message: (error as Error).message };
      const internal = (error as { internal?: unknown }).internal;
      if (internal !== null && typeof internal === 'object' && Object.keys(internal).length > 0) {
        this.logger.warn(
          { event: 'error_detail_withheld', correlationId, code, ...internal },
          `withheld from a ${status}`,
        );
      }
      if (error instanceof ConcurrencyError) {
        body.currentRevision = error.actual === undefined ? null : error.actual.toString();
      }
      for (const key of ['field', 'reason', 'details'] as const) {
        const value = (error as Record<string, unknown>)[key];
        if (typeof value === 'string' || (value !== null && typeof value === 'object')) body[key] = value;
      }
      return body;
    }
    return { statusCode: 500, code: 'INTERNAL', message: '服务器内部错误 (internal error)' };
  }
}
