import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { EventStoreModule } from '@zw/event-store';
import { CommandAnswerInterceptor } from './command-answer';
import { ExecuteCommandHandler } from './execute-command.handler';
import { StreamCache } from './stream-cache';

/**
 * The one command path of every stream kind (tasks, indicators, projects): the handler on the
 * CQRS bus, the stream cache it shares with the reads, and the interceptor that turns a
 * command's answer into status and headers.
 */
@Module({
  imports: [CqrsModule, EventStoreModule],
  providers: [ExecuteCommandHandler, StreamCache, { provide: APP_INTERCEPTOR, useClass: CommandAnswerInterceptor }],
  exports: [StreamCache, CqrsModule],
})
export class CommandsModule {}
