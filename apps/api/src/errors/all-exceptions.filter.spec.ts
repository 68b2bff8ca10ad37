import { BadRequestException, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@zw/domain';
import { ConcurrencyError, InvalidAppendError } from '@zw/event-store';
import { AllExceptionsFilter } from './all-exceptions.filter';

/** Runs the filter on `error` and returns the status and body it answered with. */
function answer(error: unknown): { status: number; body: Record<string, unknown> } {
  const out = { status: 0, body: {} as Record<string, unknown> };
  const response = {
    status: (s: number) => ((out.status = s), { json: (b: Record<string, unknown>) => (out.body = b) }),
  };
  const request = { id: 'corr-1' };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(error, host);
  return out;
}

describe('AllExceptionsFilter: one place from error codes to HTTP', () => {
  it('given a ConcurrencyError on a task stream, answers 409 TASK.STALE in Chinese without the stream id', () => {
    const { status, body } = answer(new ConcurrencyError('task-someplan-2030-2035.A-6', 3n, 5n));
    expect(status).toBe(409);
    expect(body).toEqual({
      statusCode: 409,
      code: 'TASK.STALE',
      message: expect.stringContaining('任务已被他人更新'),
      details: { currentRevision: '5' },
    });
    expect(JSON.stringify(body)).not.toMatch(/someplan|Stream|expected/);
  });

  it('given a ConcurrencyError on an indicator stream, answers INDICATOR.STALE', () => {
    expect(answer(new ConcurrencyError('indicator-p.3', 1n, 2n)).body.code).toBe('INDICATOR.STALE');
  });

  it("given the store's InvalidAppendError, answers a plain 400 in Chinese and logs its words with the correlation id", () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = new InvalidAppendError('events[0].data.investmentCompleted', 'holds a non-finite number');
    const { status, body } = answer(error);
    expect(status).toBe(400);
    expect(body).toEqual({
      statusCode: 400,
      code: 'REQUEST.INVALID',
      message: expect.stringMatching(/^请求内容无法保存/),
      details: {},
    });
    expect(JSON.stringify(body)).not.toMatch(/events|investmentCompleted|non-finite|EVENT_STORE/);
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        correlationId: 'corr-1',
        field: 'events[0].data.investmentCompleted',
        reason: 'holds a non-finite number',
      }),
      expect.any(String),
    );
    warn.mockRestore();
  });

  it("given a domain error with internal facts (another department's names, a session id), logs them and answers without them", () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = new DomainError(
      'INDICATOR.NOT_RESPONSIBLE',
      'forbidden',
      '本单位不是该指标的责任部门',
      { department: '甲局' },
      {
        responsible: ['乙局', '丙局'],
        familyId: 'f-123',
      },
    );
    const { status, body } = answer(error);
    expect(status).toBe(403);
    expect(body).toEqual({
      statusCode: 403,
      code: 'INDICATOR.NOT_RESPONSIBLE',
      message: '本单位不是该指标的责任部门',
      details: { department: '甲局' },
    });
    expect(warn).toHaveBeenCalledWith(
      expect.objectContaining({
        correlationId: 'corr-1',
        code: 'INDICATOR.NOT_RESPONSIBLE',
        responsible: ['乙局', '丙局'],
        familyId: 'f-123',
      }),
      expect.any(String),
    );
    warn.mockRestore();
  });

  it('given an unexpected error, answers 500 without its message or stack', () => {
    const { status, body } = answer(new Error('SQLITE_CORRUPT at /var/lib/secret'));
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|secret|at /);
  });

  it("given body-parser's own error (413), keeps its status and answers in Chinese", () => {
    const error = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(answer(error)).toEqual({
      status: 413,
      body: { statusCode: 413, code: 'REQUEST.TOO_LARGE', message: '请求体过大', details: {} },
    });
  });

  it('given malformed JSON, answers 400 REQUEST.MALFORMED_JSON without the parser message', () => {
    const error = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
      status: 400,
      expose: true,
      type: 'entity.parse.failed',
    });
    const { status, body } = answer(error);
    expect(status).toBe(400);
    expect(body).toEqual({
      statusCode: 400,
      code: 'REQUEST.MALFORMED_JSON',
      message: '请求体不是有效的 JSON',
      details: {},
    });
  });

  it("given Nest's own English 404, answers NOT_FOUND in Chinese with details an object", () => {
    const { body } = answer(new NotFoundException('Cannot GET /nowhere'));
    expect(body).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: expect.stringMatching(/^没有/), details: {} });
  });

  it('given a list of field problems as details, answers them as details.fields', () => {
    const error = new BadRequestException({
      code: 'VALIDATION',
      message: '须填写',
      details: [{ field: 'a', reason: 'r' }],
    });
    expect(answer(error).body.details).toEqual({ fields: [{ field: 'a', reason: 'r' }] });
  });
});
