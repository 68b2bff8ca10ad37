/**
 * Runs work for one key at a time, in arrival order, across async steps. Commands on the
 * same task stream in this process then never race each other for a revision; optimistic
 * concurrency still guards against other processes (replicas, the worker).
 */
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(work, work);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // The last one out removes the key, so idle streams hold no memory.
    void tail.then(() => this.tails.get(key) === tail && this.tails.delete(key));
    return result;
  }

  get size(): number {
    return this.tails.size;
  }
}
