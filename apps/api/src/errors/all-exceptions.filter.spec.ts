import { BadRequestException, Logger, type ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@zw/domain';
import { ConcurrencyError, InvalidAppendError } from '@zw/event-store';
import { IsDateString, IsInt, IsString, Max, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import { AllExceptionsFilter } from './all-exceptions.filter';
import { createValidationPipe } from './validation.pipe';

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
  it('given a ConcurrencyError, answers 409 with the current revision', () => {
    const { status, body } = answer(new ConcurrencyError('task-A-6', 3n, 5n));
    expect(status).toBe(409);
    expect(body).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY', currentRevision: '5' });
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

  it("given body-parser's own error (413), keeps its status", () => {
    const error = Object.assign(new Error('request entity too large'), {
      status: 413,
      expose: true,
      type: 'entity.too.large',
    });
    expect(answer(error)).toMatchObject({ status: 413, body: { code: 'ENTITY_TOO_LARGE' } });
  });
});

class Milestone {
  @IsString() title!: string;
  @IsDateString({ strict: true }) dueDate!: string;
}
class Body {
  @IsInt() @Max(100) percent!: number;
  @ValidateNested({ each: true }) @Type(() => Milestone) milestones!: Milestone[];
}

describe('the global ValidationPipe', () => {
  it('names each field and reason, nested ones with their index, and refuses unknown fields', async () => {
    const pipe = createValidationPipe();
    const error = await pipe
      .transform(
        { percent: 120, milestones: [{ title: 'x', dueDate: '2023-02-30' }], extra: 1 },
        { type: 'body', metatype: Body },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestException);
    const details = ((error as BadRequestException).getResponse() as { details: Array<{ field: string }> }).details;
    expect(details.map((d) => d.field)).toEqual(expect.arrayContaining(['percent', 'milestones[0].dueDate', 'extra']));
  });
});
