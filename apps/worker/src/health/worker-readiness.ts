import { Inject, Injectable } from '@nestjs/common';
import { HealthCheckService, HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { unknownCalendarYears } from '@zw/domain';
import { EVENT_STORE, UNKNOWN_EVENT_TYPES, type EventStore } from '@zw/event-store';
import { REMINDER_SCHEDULER, type ReminderScheduler } from '@zw/reminders';
import { PROBE_TIMEOUT_MS, RedisProbe, withTimeout } from './redis-probe';

/**
 * The worker's probes, in the api's shape (`@nestjs/terminus`: status, info, error, details):
 * liveness has no dependency; readiness asks what the worker needs — the event store, Redis
 * where configured (BullMQ) — and reports, without failing on them, the reminders scheduled,
 * the calendar years without holidays and the event types this version skipped (unknownEventTypes,
 * the one rule of libs/event-store unknown-event-types.ts).
 */
@Injectable()
export class WorkerReadiness {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(REMINDER_SCHEDULER) private readonly scheduler: ReminderScheduler,
    private readonly redis: RedisProbe,
  ) {}

  live() {
    return this.health.check([]);
  }

  /** Resolves with the result (200) or rejects with ServiceUnavailableException carrying it (503). */
  ready() {
    const checks: Array<() => Promise<HealthIndicatorResult>> = [
      () => this.probe('eventStore', () => this.store.ping()),
      () => this.reminders(),
      () => this.calendar(),
      () => this.unknownEvents(),
    ];
    if (this.redis.client) checks.push(() => this.probe('redis', () => this.redis.ping()));
    return this.health.check(checks);
  }

  private async reminders() {
    const session = this.indicator.check('reminders');
    try {
      return session.up({ pending: await withTimeout(this.scheduler.pending(), PROBE_TIMEOUT_MS) });
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }

  private async calendar() {
    const unknownYears = unknownCalendarYears();
    const session = this.indicator.check('calendar');
    return unknownYears.length === 0 ? session.up() : session.up({ unknownYears });
  }

  private async unknownEvents() {
    const types = UNKNOWN_EVENT_TYPES.report();
    return this.indicator.check('unknownEventTypes').up({ skipped: UNKNOWN_EVENT_TYPES.total, types });
  }

  private async probe(key: string, ping: () => Promise<void>) {
    const session = this.indicator.check(key);
    try {
      await withTimeout(ping(), PROBE_TIMEOUT_MS);
      return session.up();
    } catch (error) {
      return session.down({ message: (error as Error).message });
    }
  }
}
