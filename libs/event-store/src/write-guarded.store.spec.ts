import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConcurrencyError, StoreUnavailableError, toStoreUnavailable } from './event-store.errors';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { WriteGuardedEventStore } from './write-guarded.store';

const event = {
  type: 'Noted',
  data: {},
  metadata: {
    actorId: 'a',
    role: 'office',
    correlationId: 'c',
    causationId: 'c',
    occurredAt: '2024-01-02T09:00:00+08:00',
  },
};

describe('store write failures, one mapping for every adapter', () => {
  it.each([
    [{ code: 'ENOSPC', message: 'ENOSPC: no space left on device, write' }, 'full'],
    [{ code: 'SQLITE_FULL', message: 'database or disk is full' }, 'full'],
    [{ code: '53100', message: 'could not extend file: No space left on device' }, 'full'],
    [{ code: 'SQLITE_IOERR_WRITE', message: 'disk I/O error' }, 'unavailable'],
    [{ code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' }, 'unavailable'],
    [{ code: 'EROFS', message: 'read-only file system' }, 'unavailable'],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' }, 'unavailable'],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, 'unavailable'],
  ])('maps %j to %s', (raw, reason) => {
    expect(toStoreUnavailable(Object.assign(new Error(raw.message), { code: raw.code }))?.reason).toBe(reason);
  });

  it('leaves a refusal or a bug alone', () => {
    expect(toStoreUnavailable(new ConcurrencyError('s', 0n, 1n))).toBeUndefined();
    expect(toStoreUnavailable(new TypeError('x is undefined'))).toBeUndefined();
    expect(
      toStoreUnavailable(Object.assign(new Error('UNIQUE constraint failed'), { code: 'SQLITE_CONSTRAINT' })),
    ).toBeUndefined();
  });

  it('given writes failing on a real SQLite store, then each throws StoreUnavailableError, ping fails, and the change is told once each way', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zw-guard-'));
    const inner = new SqliteEventStore({ filename: join(dir, 'events.db') });
    const changes: Array<string | undefined> = [];
    const store = new WriteGuardedEventStore(inner, (failure) => changes.push(failure?.reason));
    try {
      await store.append('s-1', [event], 'any');
      const full = () => Promise.reject(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }));
      const append = jest.spyOn(inner, 'append').mockImplementation(full);
      const checkpoint = jest.spyOn(inner.checkpoints, 'store').mockImplementation(full);
      await expect(store.append('s-1', [event], 'any')).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.append('s-1', [event], 'any')).rejects.toMatchObject({
        code: 'STORE.UNAVAILABLE',
        reason: 'full',
      });
      await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
      expect(store.writeFailure?.reason).toBe('full');
      append.mockRestore();
      checkpoint.mockRestore();
      await store.ping(); // its probe write succeeds: writable again
      expect(store.writeFailure).toBeUndefined();
      expect(changes).toEqual(['full', undefined]);
      expect((await store.readStream('s-1')).length).toBe(1);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
