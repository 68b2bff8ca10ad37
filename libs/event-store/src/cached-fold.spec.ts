import { CachedFold } from './cached-fold';
import { SqliteEventStore } from './sqlite/sqlite-event-store';
import { testEvent } from './testing/event-store.contract';

describe('CachedFold', () => {
  it('folds a stream once, then only the events appended after the cached revision', async () => {
    const store = new SqliteEventStore({ filename: ':memory:' });
    const reads: bigint[] = [];
    const readStream = store.readStream.bind(store);
    store.readStream = (id, from) => (reads.push(from ?? 0n), readStream(id, from));
    const sum = new CachedFold(
      store,
      () => 0,
      (s, e) => s + (e.data as { n: number }).n,
    );
    await store.append('s', [testEvent(1), testEvent(2)], 'no_stream');
    expect(await sum.load('s')).toEqual({ state: 3, revision: 1n });
    await store.append('s', [testEvent(10)], 1n);
    expect(await sum.load('s')).toEqual({ state: 13, revision: 2n });
    expect(await sum.load('unknown')).toEqual({ state: 0, revision: undefined });
    expect(reads).toEqual([0n, 2n, 0n]);
    await store.close();
  });
});
