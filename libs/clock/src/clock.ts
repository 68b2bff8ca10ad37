/**
 * The one source of time. The domain never reads the system clock: commands carry the
 * instant the clock gave, so tests and drills (running the 2022-2025 plan "as if it were
 * 2023") decide exactly as production does.
 */
export interface Clock {
  now(): Date;
  /**
   * Calls `run` every `ms` of this clock's time until the returned function is called. Work
   * that polls for due jobs or periodic chores asks the clock, never `setInterval`, so a test
   * on a ManualClock decides when such work runs (it calls it explicitly).
   */
  every(ms: number, run: () => void): () => void;
}

/** Injection token for NestJS providers (a string, so the library stays framework-free). */
export const CLOCK = 'CLOCK';

/** Real time passes on its own: a plain interval that does not keep the process alive. */
function realInterval(ms: number, run: () => void): () => void {
  const timer = setInterval(run, ms);
  timer.unref();
  return () => clearInterval(timer);
}

export const systemClock: Clock = { now: () => new Date(), every: realInterval };

/**
 * Starts at `start` and then runs forward with real time: for drills of a past or future
 * plan year. `elapsed` is injectable so the clock itself can be tested without sleeping.
 */
export function startingAt(start: Date, elapsedMs: () => number = monotonicMs()): Clock {
  const origin = elapsedMs();
  return { now: () => new Date(start.getTime() + (elapsedMs() - origin)), every: realInterval };
}

function monotonicMs(): () => number {
  return () => Number(process.hrtime.bigint() / 1_000_000n);
}

/**
 * A clock that moves only when told to: for tests of deadlines and reminders. Nothing timed on
 * it fires by itself (`every` registers and never runs): a scheduler ticking on the wall clock
 * would otherwise send a 催办 at whatever moment the test happened to have set, so tests run
 * due work themselves (`scheduler.runDue()` after `set`/`advance`).
 */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  every(_ms: number, _run: () => void): () => void {
    return () => undefined;
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
