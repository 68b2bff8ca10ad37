import type { Command } from '@nestjs/cqrs';
import { userStreamId } from '@zw/auth';
import { indicatorStreamId, ORGANISATIONS_STREAM_ID, projectStreamId, taskStreamId } from '@zw/domain';
import type { IndicatorDefinition, TaskCommand } from '@zw/domain';
import { taskAnswer } from './command-answer';
import type { CommandRequest, StreamRequest } from './command-request';
import type { CommandOf, ContextOf, ProjectContext, StateOf, StreamKind } from './deciders';
import { ExecuteCommand, type CommandResult, type Intent } from './execute-command.handler';

/** The `@nestjs/cqrs` CommandBus, or the CLIs' local handler (local-commands.ts). */
export interface CommandSender {
  execute<R>(command: Command<R>): Promise<R>;
}

/** The data of one type of a domain command. */
export type Data<C, T> = Extract<C, { type: T }> extends { data: infer D } ? D : never;

/** One stream of a kind and what its decider needs beyond the stream (`stream` below makes them). */
export interface Target<K extends StreamKind> {
  readonly kind: K;
  readonly streamId: string;
  readonly context: ContextOf<K>;
}

/** Every stream a command goes to, named once: the id helper of its kind and its context. */
export const stream = {
  task: (planId: string, code: string): Target<'task'> => ({
    kind: 'task',
    streamId: taskStreamId(planId, code),
    context: undefined,
  }),
  /** Decided against the plan's definition of the indicator. */
  indicator: (def: IndicatorDefinition): Target<'indicator'> => ({
    kind: 'indicator',
    streamId: indicatorStreamId(def.planId, def.id),
    context: def,
  }),
  /** Decided against the plan's definition and the configured limits. */
  project: (context: ProjectContext): Target<'project'> => ({
    kind: 'project',
    streamId: projectStreamId(context.def.planId, context.def.id),
    context,
  }),
  /** The tree's one stream; the result carries the tree after the decision. */
  organisations: (): Target<'organisation'> => ({
    kind: 'organisation',
    streamId: ORGANISATIONS_STREAM_ID,
    context: undefined,
  }),
  /** `user-<username>`; an impossible name is refused 400 USER.INVALID_USERNAME. */
  user: (username: string): Target<'user'> => ({ kind: 'user', streamId: userStreamId(username), context: undefined }),
};

/**
 * One command on one stream, typed by the stream's decider: `type` must be a command of that
 * kind and `data` its data; answers the handler's result with the stream's state after it.
 */
export function send<K extends StreamKind, T extends CommandOf<K>['type']>(
  bus: CommandSender,
  request: StreamRequest,
  target: Target<K>,
  type: T,
  data: Data<CommandOf<K>, T>,
): Promise<CommandResult<StateOf<K>>> {
  // The signature proved that `data` is the data of a `type` of this kind; the compiler cannot
  // narrow a generic pair, so the intent is named by that proof.
  const intent = { type, data } as unknown as Intent<CommandOf<K>>;
  return bus.execute(new ExecuteCommand<K>(target.kind, target.streamId, intent, target.context, request));
}

/**
 * A task command on the bus, answered as every task route answers (command-answer.ts).
 * `created` names ids the route made up (an extension's) so the client can address them next.
 */
export async function sendTask<T extends TaskCommand['type']>(
  bus: CommandSender,
  request: CommandRequest,
  code: string,
  type: T,
  data: Data<TaskCommand, T>,
  created: Record<string, string> = {},
) {
  const result = await send(bus, request, stream.task(request.planId, code), type, data);
  return taskAnswer(code, result, created);
}
