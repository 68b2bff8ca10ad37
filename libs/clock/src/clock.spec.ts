import { ManualClock, startingAt, systemClock } from './clock';
import { shanghaiDate, toShanghaiIso } from './shanghai-time';

describe('clocks', () => {
  it('given a start instant, runs forward from it as real time elapses', () => {
    let elapsed = 1_000;
    const clock = startingAt(new Date('2023-01-01T09:00:00+08:00'), () => elapsed);
    expect(toShanghaiIso(clock.now())).toBe('2023-01-01T09:00:00.000+08:00');
    elapsed += 90_000;
    expect(toShanghaiIso(clock.now())).toBe('2023-01-01T09:01:30.000+08:00');
  });

  it('the manual clock moves only when told', () => {
    const clock = new ManualClock('2023-12-31T15:59:59Z');
    expect(shanghaiDate(clock.now())).toBe('2023-12-31');
    clock.advance(1_000);
    expect(shanghaiDate(clock.now())).toBe('2024-01-01');
    clock.set('2025-06-30T00:00:00+08:00');
    expect(clock.now().toISOString()).toBe('2025-06-29T16:00:00.000Z');
  });

  it('the system clock follows the machine', () => {
    const before = new Date().getTime();
    expect(systemClock.now().getTime()).toBeGreaterThanOrEqual(before);
  });
});
