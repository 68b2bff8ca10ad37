import { Inject, Injectable } from '@nestjs/common';
import {
  decideUser,
  evolveUser,
  foldUser,
  initialUserState,
  isUsername,
  parseUserStreamId,
  userStreamId,
  type ExistingUserState,
  type UserCommand,
  type UserEvent,
  type UserState,
} from '@zw/auth';
import {
  CachedFold,
  ConcurrencyError,
  EVENT_STORE,
  type EventMetadata,
  type EventStore,
  type RecordedEvent,
} from '@zw/event-store';
import { KeyedLock } from '../../tasks/keyed-lock';

const MAX_ATTEMPTS = 3;
const PAGE = 1000;

/**
 * The account streams (`user-<username>`): load → decideUser → append with the revision read,
 * one command per account at a time in this process. Also a plain class, so the users CLI
 * runs the same code on a store it opened itself.
 */
@Injectable()
export class UserAccounts {
  private readonly folds: CachedFold<UserState>;
  private readonly lock = new KeyedLock();
  /** User names seen in the global log up to `cursor`, for listing (accounts are never deleted). */
  private readonly known = new Set<string>();
  private cursor: bigint | undefined;
  private scanning: Promise<void> | undefined;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.folds = new CachedFold<UserState>(store, initialUserState, (state, e) => evolveUser(state, asUserEvent(e)));
  }

  /** The account's state; an impossible user name is simply absent. */
  async load(username: string): Promise<UserState> {
    if (!isUsername(username)) return initialUserState();
    return (await this.folds.load(userStreamId(username))).state;
  }

  async execute(
    username: string,
    command: UserCommand,
    metadata: EventMetadata,
  ): Promise<{ events: UserEvent[]; state: UserState }> {
    const streamId = userStreamId(username);
    return this.lock.run(streamId, async () => {
      for (let attempt = 1; ; attempt++) {
        const { state, revision } = await this.folds.load(streamId);
        const events = decideUser(command, state);
        if (events.length === 0) return { events, state };
        try {
          await this.store.append(
            streamId,
            events.map((e) => ({ ...e, metadata })),
            revision ?? 'no_stream',
          );
          return { events, state: foldUser(events, state) };
        } catch (error) {
          // Another replica wrote to this account meanwhile: decide again on the fresh state.
          if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    });
  }

  /** Every account that exists, by user name. */
  async list(): Promise<ExistingUserState[]> {
    await this.catchUp();
    const states = await Promise.all([...this.known].sort().map((name) => this.load(name)));
    return states.filter((s): s is ExistingUserState => s.status !== 'absent');
  }

  async anyAdmin(): Promise<boolean> {
    return (await this.list()).some((s) => s.user.role === 'admin');
  }

  /** Reads only the global log written since the last call; one scan at a time. */
  private catchUp(): Promise<void> {
    this.scanning ??= (async () => {
      try {
        for (;;) {
          const page = await this.store.readAll(this.cursor, PAGE);
          for (const e of page) {
            const name = e.type === 'UserCreated' ? parseUserStreamId(e.streamId) : undefined;
            if (name) this.known.add(name);
          }
          if (page.length > 0) this.cursor = page.at(-1)!.position;
          if (page.length < PAGE) return;
        }
      } finally {
        this.scanning = undefined;
      }
    })();
    return this.scanning;
  }
}

function asUserEvent(e: RecordedEvent): UserEvent {
  return { type: e.type, data: e.data } as UserEvent;
}
