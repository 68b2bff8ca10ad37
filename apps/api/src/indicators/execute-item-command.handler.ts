import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import {
  ConcurrencyError,
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@zw/event-store';
import { earlierCommand, withIdempotency, type Idempotency } from '../http/idempotency';
import { StreamCommands, withRevision } from '../tasks/stream-commands';
import { ItemStreams, type ItemKind, type ItemKinds } from './item-streams';

export interface NewItemEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface ItemCommandResult {
  readonly streamId: string;
  /** Revision after the command (the ETag); undefined only for a no-op on a stream never written. */
  readonly revision: bigint | undefined;
  /** Global position of the last event appended (or replayed); undefined when nothing was appended. */
  readonly position: bigint | undefined;
  readonly events: readonly NewItemEvent[];
  readonly replayed: boolean;
}

/**
 * One command on an indicator or project stream. `decide` is the domain's decision bound to
 * the command and the plan's definition; the handler supplies the state. The conventions are
 * the task handler's: one command per stream at a time in this process, Idempotency-Key
 * replay from the stream, If-Match → 409, a lost race without If-Match decided again.
 */
export class ExecuteItemCommand<K extends ItemKind = ItemKind> extends Command<ItemCommandResult> {
  constructor(
    readonly kind: K,
    readonly streamId: string,
    readonly decide: (state: ItemKinds[K]) => NewItemEvent[],
    readonly metadata: EventMetadata,
    readonly expectedRevision?: bigint,
    readonly idempotency?: Idempotency,
  ) {
    super();
  }
}

@CommandHandler(ExecuteItemCommand)
export class ExecuteItemCommandHandler implements ICommandHandler<ExecuteItemCommand, ItemCommandResult> {
  private readonly commands = new StreamCommands();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: ItemStreams,
  ) {}

  async execute(c: ExecuteItemCommand): Promise<ItemCommandResult> {
    return this.commands.run(c.streamId, c.expectedRevision, () => this.attempt(c));
  }

  private async attempt(c: ExecuteItemCommand): Promise<ItemCommandResult> {
    const { state, revision, idempotency } = await this.streams.load(c.kind, c.streamId);
    const earlier = earlierCommand(idempotency, c.metadata.actorId, c.idempotency);
    if (earlier) return replay(c.streamId, earlier);
    if (c.expectedRevision !== undefined && c.expectedRevision !== revision) {
      throw new ConcurrencyError(c.streamId, c.expectedRevision, revision);
    }
    const events = withRevision(revision, () => (c.decide as (s: typeof state) => NewItemEvent[])(state));
    // A decision that changes nothing (the same task links again) appends nothing.
    if (events.length === 0) return { streamId: c.streamId, revision, position: undefined, events, replayed: false };
    const metadata = withIdempotency(c.metadata, c.idempotency);
    const result = await this.store.append(
      c.streamId,
      events.map((e) => ({ type: e.type, data: e.data, metadata })),
      revision ?? 'no_stream',
    );
    return {
      streamId: c.streamId,
      revision: result.nextExpectedRevision,
      position: result.position,
      events,
      replayed: false,
    };
  }
}

function replay(streamId: string, earlier: readonly RecordedEvent[]): ItemCommandResult {
  const last = earlier.at(-1)!;
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: earlier.map((e) => ({ type: e.type, data: e.data })),
    replayed: true,
  };
}
