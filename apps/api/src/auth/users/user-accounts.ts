import { Inject, Injectable } from '@nestjs/common';
import { initialUserState, isUsername, parseUserStreamId, userStreamId, type ExistingUserState } from '@zw/auth';
import type { UserState } from '@zw/auth';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { StreamCache } from '../../commands/stream-cache';

const PAGE = 1000;

/**
 * The accounts as read: one account from the command path's cached fold of its stream
 * (`user-<username>`; every request's token is checked against it), and the list of all of them
 * from the global log. Commands on an account go through the command path (`send`, `stream.user`). Also a
 * plain class, so the users CLI reads the same way on a store it opened itself.
 */
@Injectable()
export class UserAccounts {
  /** User names seen in the global log up to `cursor`, for listing (accounts are never deleted). */
  private readonly known = new Set<string>();
  private cursor: bigint | undefined;
  private scanning: Promise<void> | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly streams: StreamCache,
  ) {}

  /** The account's state; an impossible user name is simply absent. */
  async load(username: string): Promise<UserState> {
    if (!isUsername(username)) return initialUserState();
    return (await this.streams.load('user', userStreamId(username))).state;
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
