import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { STATUS_LABELS, type TaskState } from '@zw/domain';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import { REPLAYED_HEADER } from '../http/idempotency';
import type { CommandResult } from './execute-command.handler';

/** What the answer's status and headers are made of; a symbol key, so it is never serialised. */
const OUTCOME = Symbol('commandOutcome');

interface Outcome {
  readonly status: 200 | 201;
  readonly revision: bigint | undefined;
  readonly replayed: boolean;
}

/**
 * A task command's answer: the task's new status; 201 always (a replay too, as the first
 * request answered). `created` names what the command created (an extension's id) so the
 * client can address it next; a replay names nothing new.
 */
export function taskAnswer(code: string, result: CommandResult<TaskState>, created: Record<string, string> = {}) {
  return {
    code,
    revision: String(result.revision),
    position: String(result.position),
    events: result.events.map((e) => e.type),
    replayed: result.replayed,
    status: result.state.status,
    statusLabel: STATUS_LABELS[result.state.status],
    ...(result.replayed ? {} : created),
    [OUTCOME]: { status: 201, revision: result.revision, replayed: result.replayed } satisfies Outcome,
  };
}

/**
 * An indicator's or project's: 201 when the command appended (a replay too), 200 when the
 * decision changed nothing (the same tasks linked again); `data` of the events, so the caller
 * can name what was created (a report id).
 */
export function itemAnswer(result: CommandResult) {
  return {
    revision: result.revision?.toString() ?? null,
    position: result.position?.toString() ?? null,
    events: result.events.map((e) => e.type),
    replayed: result.replayed,
    data: result.events.map((e) => e.data as Record<string, unknown>),
    [OUTCOME]: {
      status: result.events.length > 0 ? 201 : 200,
      revision: result.revision,
      replayed: result.replayed,
    } satisfies Outcome,
  };
}

/**
 * An answer that shows what the command left (an account, an organisation) rather than its
 * events: the route's status as before (201 for a creation, 200 otherwise), with the ETag and
 * `Idempotent-Replayed` of every command.
 */
export function viewAnswer<B extends object>(body: B, result: CommandResult, status: 200 | 201) {
  return {
    ...body,
    [OUTCOME]: { status, revision: result.revision, replayed: result.replayed } satisfies Outcome,
  };
}

/**
 * Writes the status, ETag and `Idempotent-Replayed` of every command answer (registered for
 * the whole app by CommandsModule, so a command route needs no `@Res()`); other answers pass.
 */
@Injectable()
export class CommandAnswerInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const outcome = (body as { [OUTCOME]?: Outcome } | null)?.[OUTCOME];
        if (outcome === undefined) return body;
        const res = ctx.switchToHttp().getResponse<Response>();
        res.status(outcome.status);
        if (outcome.replayed) res.setHeader(REPLAYED_HEADER, 'true');
        if (outcome.revision !== undefined) res.setHeader('ETag', `"${outcome.revision}"`);
        return body;
      }),
    );
  }
}
