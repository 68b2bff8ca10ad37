import type { Command } from '@nestjs/cqrs';
import { userStreamId, type UserCommand } from '@zw/auth';
import { indicatorStreamId, projectStreamId, taskStreamId, type TaskCommand } from '@zw/domain';
import { ORGANISATIONS_STREAM_ID, type OrganisationCommand } from '@zw/domain';
import type { IndicatorCommand, IndicatorDefinition, ProjectCommand } from '@zw/domain';
import { itemAnswer, taskAnswer } from './command-answer';
import type { CommandRequest, StreamRequest } from './command-request';
import type { ProjectContext } from './deciders';
import { ExecuteCommand, type Intent } from './execute-command.handler';

/** The `@nestjs/cqrs` CommandBus, or the CLIs' local handler (local-commands.ts). */
export interface CommandSender {
  execute<R>(command: Command<R>): Promise<R>;
}

/** The data of one type of a domain command. */
export type Data<C, T> = Extract<C, { type: T }> extends { data: infer D } ? D : never;

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
  const intent = { type, data } as Intent<TaskCommand>;
  const result = await bus.execute(
    new ExecuteCommand('task', taskStreamId(request.planId, code), intent, undefined, request),
  );
  return taskAnswer(code, result, created);
}

/** An indicator command, decided against the plan's definition of the indicator. */
export async function sendIndicator<T extends IndicatorCommand['type']>(
  bus: CommandSender,
  request: CommandRequest,
  def: IndicatorDefinition,
  type: T,
  data: Data<IndicatorCommand, T>,
) {
  const intent = { type, data } as Intent<IndicatorCommand>;
  const streamId = indicatorStreamId(def.planId, def.id);
  return {
    indicatorId: def.id,
    ...itemAnswer(await bus.execute(new ExecuteCommand('indicator', streamId, intent, def, request))),
  };
}

/** A project command, decided against the plan's definition and the configured limits. */
export async function sendProject<T extends ProjectCommand['type']>(
  bus: CommandSender,
  request: CommandRequest,
  context: ProjectContext,
  type: T,
  data: Data<ProjectCommand, T>,
) {
  const intent = { type, data } as Intent<ProjectCommand>;
  const streamId = projectStreamId(context.def.planId, context.def.id);
  const result = await bus.execute(new ExecuteCommand('project', streamId, intent, context, request));
  return { projectId: context.def.id, ...itemAnswer(result) };
}

/** A decision over the organisation tree (its one stream); the result carries the tree after it. */
export function sendOrganisations<T extends OrganisationCommand['type']>(
  bus: CommandSender,
  request: StreamRequest,
  type: T,
  data: Data<OrganisationCommand, T>,
) {
  const intent = { type, data } as Intent<OrganisationCommand>;
  return bus.execute(new ExecuteCommand('organisation', ORGANISATIONS_STREAM_ID, intent, undefined, request));
}

/** A command on one account (`user-<username>`; an impossible name is refused 400 USER.INVALID_USERNAME). */
export function sendUser<T extends UserCommand['type']>(
  bus: CommandSender,
  request: StreamRequest,
  username: string,
  type: T,
  data: Data<UserCommand, T>,
) {
  const intent = { type, data } as Intent<UserCommand>;
  return bus.execute(new ExecuteCommand('user', userStreamId(username), intent, undefined, request));
}
