import type { Command } from '@nestjs/cqrs';
import type { Clock } from '@zw/clock';
import type { EventStore } from '@zw/event-store';
import type { CommandSender } from './commands';
import { ExecuteCommandHandler, type ExecuteCommand } from './execute-command.handler';
import { StreamCache } from './stream-cache';

/**
 * The command path for a CLI on a store it opened itself (`npm run users`, `npm run
 * organisations`): the same handler the bus dispatches to, without a Nest application.
 */
export function localCommands(store: EventStore, clock: Clock, streams = new StreamCache(store)): CommandSender {
  const handler = new ExecuteCommandHandler(store, clock, streams);
  return { execute: <R>(c: Command<R>) => handler.execute(c as unknown as ExecuteCommand) as Promise<R> };
}
