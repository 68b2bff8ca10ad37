/**
 * The one source of time. The domain never reads the system clock: commands carry the
 * instant the clock gave, so tests and drills (running the 2022-2025 plan "as if it were
 * 2023") decide exactly as production does.
 */
export interface Clock {
  now(): Date;
}

/** Injection token for NestJS providers (a string, so the library stays framework-free). */
export const CLOCK = 'CLOCK';

export const systemClock: Clock = { now: () => new Date() };

/**
 * Starts at `start` and then runs forward with real time: for drills of a past or future
 * plan year. `elapsed` is injectable so the clock itself can be tested without sleeping.
 */
export function startingAt(start: Date, elapsedMs: () => number = monotonicMs()): Clock {
  const origin = elapsedMs();
  return { now: () => new Date(start.getTime() + (elapsedMs() - origin)) };
}

function monotonicMs(): () => number {
  return () => Number(process.hrtime.bigint() / 1_000_000n);
}

/** A clock that moves only when told to: for tests of deadlines and reminders. */
export class ManualClock implements Clock {
  private current: Date;
  constructor(start: Date | string) {
    this.current = new Date(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(instant: Date | string): void {
    this.current = new Date(instant);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
