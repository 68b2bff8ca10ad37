import { KeyedLock } from './keyed-lock';

describe('KeyedLock', () => {
  it('runs work of one key one at a time, in order, and different keys side by side', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    const step = (name: string, ms: number) => () =>
      new Promise<string>((r) => setTimeout(() => (log.push(name), r(name)), ms));
    const results = await Promise.all([
      lock.run('a', step('a1', 20)),
      lock.run('a', step('a2', 1)),
      lock.run('b', step('b1', 5)),
    ]);
    expect(results).toEqual(['a1', 'a2', 'b1']);
    expect(log).toEqual(['b1', 'a1', 'a2']);
    expect(lock.size).toBe(0);
  });

  it('goes on after a failure, and the failure reaches its own caller only', async () => {
    const lock = new KeyedLock();
    const failed = lock.run('a', () => Promise.reject(new Error('boom')));
    const next = lock.run('a', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });
});
