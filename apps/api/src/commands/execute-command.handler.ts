import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, toShanghaiIso, type Clock } from '@zw/clock';
import type { CommandMetadata } from '@zw/domain';
import {
  ConcurrencyError,
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@zw/event-store';
import { earlierCommand, withIdempotency } from '../http/idempotency';
import type { StreamRequest } from './command-request';
import { StreamCommands, withRevision } from '../tasks/stream-commands';
import { DECIDERS, type CommandOf, type ContextOf, type NewEvent, type StateOf, type StreamKind } from './deciders';
import { StreamCache } from './stream-cache';

export interface CommandResult<S = unknown> {
  readonly streamId: string;
  /** Revision after the command (the ETag); undefined only for a no-op on a stream never written. */
  readonly revision: bigint | undefined;
  /** Global position of the last event appended (or replayed); undefined when nothing was appended. */
  readonly position: bigint | undefined;
  readonly events: readonly NewEvent[];
  /** True when an Idempotency-Key matched an earlier command: nothing was appended. */
  readonly replayed: boolean;
  /** The stream's state after the command. */
  readonly state: S;
}

/** A domain command without its metadata: the handler adds who (from the request) and when (its clock). */
export type Intent<C> = C extends { readonly metadata: CommandMetadata } ? Omit<C, 'metadata'> : never;

/**
 * One command on one stream, as plain data (no closures on the bus): the kind of stream picks
 * the decider; `context` is what the decision needs beyond the stream (an indicator's
 * definition); `request` is who asks, with If-Match and Idempotency-Key (command-request.ts).
 */
export class ExecuteCommand<K extends StreamKind = StreamKind> extends Command<CommandResult<StateOf<K>>> {
  constructor(
    readonly kind: K,
    readonly streamId: string,
    readonly intent: Intent<CommandOf<K>>,
    readonly context: ContextOf<K>,
    readonly request: StreamRequest,
  ) {
    super();
  }
}

type AnyState = StateOf<StreamKind>;
type AnyDecider = {
  evolve: (state: AnyState, e: RecordedEvent) => AnyState;
  decide: (command: unknown, state: AnyState, context: unknown) => readonly NewEvent[];
};

/**
 * Load → idempotency → If-Match → decide → append, for every stream kind (Emmett's command
 * handler); a plain class too, so the CLIs run it on a store they opened (local-commands.ts). The idempotency record is the stream itself: the key travels in the events'
 * metadata, so a retry finds it with the events, in every adapter, with no second store to keep
 * in step. Without If-Match the client accepted whatever the stream is now: a lost race is
 * decided again on the fresh state; with If-Match it is the client's to resolve (409).
 */
@CommandHandler(ExecuteCommand)
export class ExecuteCommandHandler implements ICommandHandler<ExecuteCommand> {
  private readonly commands = new StreamCommands();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly streams: StreamCache,
  ) {}

  execute(c: ExecuteCommand): Promise<CommandResult<AnyState>> {
    const { actor, correlationId, expectedRevision, via } = c.request;
    const who = { actorId: actor.id, role: actor.role, ...(actor.department ? { department: actor.department } : {}) };
    const now = toShanghaiIso(this.clock.now());
    const command = { ...c.intent, metadata: { actor: who, now } };
    const metadata: EventMetadata = {
      ...who,
      correlationId,
      causationId: correlationId,
      occurredAt: now,
      ...(via ? { via } : {}),
    };
    return this.commands.run(c.streamId, expectedRevision, () => this.attempt(c, command, metadata));
  }

  private async attempt(
    c: ExecuteCommand,
    command: unknown,
    metadata: EventMetadata,
  ): Promise<CommandResult<AnyState>> {
    const { expectedRevision, idempotency: key } = c.request;
    const { state, revision, idempotency } = await this.streams.load(c.kind, c.streamId);
    const earlier = earlierCommand(idempotency, metadata.actorId, key);
    if (earlier) return { ...replay(c.streamId, earlier), state };
    if (expectedRevision !== undefined && expectedRevision !== revision) {
      throw new ConcurrencyError(c.streamId, expectedRevision, revision);
    }
    const decider = DECIDERS[c.kind] as AnyDecider;
    const events = withRevision(revision, () => decider.decide(command, state, c.context));
    // A decision that changes nothing (the same tasks linked again) appends nothing.
    if (events.length === 0)
      return { streamId: c.streamId, revision, position: undefined, events, replayed: false, state };
    const keyed = withIdempotency(metadata, key);
    const result = await this.store.append(
      c.streamId,
      events.map((e) => ({ type: e.type, data: e.data, metadata: keyed })),
      revision ?? 'no_stream',
    );
    return {
      streamId: c.streamId,
      revision: result.nextExpectedRevision,
      position: result.position,
      events,
      replayed: false,
      // The new events as the cache will fold them (decoded by their type like any stored event).
      state: events.reduce<AnyState>(
        (s, e) => decider.evolve(s, { ...e, streamId: c.streamId } as RecordedEvent),
        state,
      ),
    };
  }
}

function replay(streamId: string, earlier: readonly RecordedEvent[]) {
  const last = earlier.at(-1)!;
  return {
    streamId,
    revision: last.revision,
    position: last.position,
    events: earlier.map((e) => ({ type: e.type, data: e.data })),
    replayed: true,
  };
}
