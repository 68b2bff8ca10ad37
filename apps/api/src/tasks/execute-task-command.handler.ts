import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { decide, evolve, taskStreamId, type TaskCommand, type TaskState } from '@zw/domain';
import {
  ConcurrencyError,
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@zw/event-store';
import { earlierCommand, withIdempotency, type Idempotency } from '../http/idempotency';
import { StreamCommands, withRevision } from './stream-commands';
import { TaskStreamCache } from './task-stream.cache';

export interface TaskCommandResult {
  readonly streamId: string;
  /** Revision after the command: the task's new ETag. */
  readonly revision: bigint;
  /** Global position of the last event: read models that reached it show this command. */
  readonly position: bigint;
  readonly events: readonly string[];
  /** True when an Idempotency-Key matched an earlier command: nothing was appended. */
  readonly replayed: boolean;
  readonly state: TaskState;
}

/** One command of a task's workflow, with the HTTP conventions that guard it. */
export class ExecuteTaskCommand extends Command<TaskCommandResult> {
  constructor(
    readonly planId: string,
    readonly code: string,
    readonly command: TaskCommand,
    readonly metadata: EventMetadata,
    /** From If-Match: the revision the client decided on; a stale one is refused. */
    readonly expectedRevision?: bigint,
    /** From Idempotency-Key: a retry of the same actor's request appends nothing. */
    readonly idempotency?: Idempotency,
  ) {
    super();
  }
}

/**
 * Load → decide → append with the revision that was read (Emmett's command handler). The
 * idempotency record is the stream itself: the key travels in the events' metadata, so a
 * retry finds it with the events, in both adapters, with no second store to keep in step.
 * Without If-Match the client accepted whatever the task is now: a lost race is decided
 * again on the fresh state; with If-Match it is the client's to resolve (409).
 */
@CommandHandler(ExecuteTaskCommand)
export class ExecuteTaskCommandHandler implements ICommandHandler<ExecuteTaskCommand, TaskCommandResult> {
  private readonly commands = new StreamCommands();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: TaskStreamCache,
  ) {}

  async execute(c: ExecuteTaskCommand): Promise<TaskCommandResult> {
    const streamId = taskStreamId(c.planId, c.code);
    return this.commands.run(streamId, c.expectedRevision, () => this.attempt(streamId, c));
  }

  private async attempt(streamId: string, c: ExecuteTaskCommand): Promise<TaskCommandResult> {
    const { state, revision, idempotency } = await this.streams.load(streamId);
    const earlier = earlierCommand(idempotency, c.metadata.actorId, c.idempotency);
    if (earlier) return { ...replay(streamId, earlier), state };
    if (c.expectedRevision !== undefined && c.expectedRevision !== revision) {
      throw new ConcurrencyError(streamId, c.expectedRevision, revision);
    }
    const events = withRevision(revision, () => decide(c.command, state));
    const metadata = withIdempotency(c.metadata, c.idempotency);
    const result = await this.store.append(
      streamId,
      events.map((e) => ({ type: e.type, data: e.data, metadata })),
      revision ?? 'no_stream',
    );
    return {
      streamId,
      revision: result.nextExpectedRevision,
      position: result.position,
      events: events.map((e) => e.type),
      replayed: false,
      state: events.reduce((s, e) => evolve(s, e), state),
    };
  }
}

function replay(streamId: string, earlier: readonly RecordedEvent[]) {
  const last = earlier.at(-1)!;
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: earlier.map((e) => e.type),
    replayed: true,
  };
}
