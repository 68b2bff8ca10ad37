import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ConcurrencyError } from '@zw/event-store';
import type { Response } from 'express';
import { statusForError } from './error-status.map';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  [extra: string]: unknown;
}

/** Turns every thrown thing into one JSON shape; stack traces stay in the logs. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(error);
    if (body.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    response.status(body.statusCode).json(body);
  }

  private toBody(error: unknown): ErrorBody {
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
