import { Controller, Get, Inject, Logger, Module } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  type HealthIndicatorResult,
  HealthIndicatorService,
  TerminusModule,
} from '@nestjs/terminus';
import { unknownCalendarYears } from '@zw/domain';
import { EVENT_STORE, EventStoreModule, UNKNOWN_EVENT_TYPES, type EventStore } from '@zw/event-store';
import { PROBE_TIMEOUT_MS, RedisProbe, withTimeout } from '../../../worker/src/health/redis-probe';
import { Policy } from '../auth/policy.decorator';
import { ProjectionService } from '../views/projection.service';
import { ViewsModule } from '../views/views.module';

@Controller('health')
class HealthController {
  private readonly logger = new Logger('Health');
  /** Dependencies found down by the last probe: a change is logged once, not every probe. */
  private readonly down = new Set<string>();

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly redis: RedisProbe,
    private readonly projections: ProjectionService,
  ) {}

  /** Liveness: the process answers. Kept free of dependencies so a slow database never restarts it. */
  @Policy('health')
  @Get()
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /**
   * Readiness: the event store (and Redis, where configured) answer within the timeout, and the
   * views follow the log (a failed subscription makes them stale; events the fold set aside are
   * reported, not fatal).
   */
  @Policy('health')
  @Get('ready')
  @HealthCheck()
  ready() {
    const checks: Array<() => Promise<HealthIndicatorResult>> = [
      () => this.probe('eventStore', () => this.store.ping()),
      () => this.projectionsProbe(),
      () => this.calendarProbe(),
      () => this.unknownEventsProbe(),
    ];
    if (this.redis.client) checks.push(() => this.probe('redis', () => this.redis.ping()));
    return this.health.check(checks);
  }

  private async projectionsProbe() {
    const session = this.indicator.check('projections');
    const { position, tasks, skippedEvents, subscriptionFailure } = this.projections.runtime.health();
    const details = { position, tasks, skippedEvents };
    this.observe('projections', subscriptionFailure ?? undefined);
    return subscriptionFailure ? session.down({ ...details, message: subscriptionFailure }) : session.up(details);
  }

  /**
   * Years some deadline or reminder fell in whose holidays nobody knows (HOLIDAY_FILE, docs/reminders.md).
   * Reported, not fatal: every replica shares the gap, so failing readiness would only stop the service.
   */
  private async calendarProbe() {
    const session = this.indicator.check('calendar');
    const unknownYears = unknownCalendarYears();
    if (unknownYears.length === 0) return session.up();
    return session.up({
      unknownYears,
      message: `working days of ${unknownYears.join(', ')} are counted Monday to Friday: add the State Council's notice to HOLIDAY_FILE`,
    });
  }

  /** One warning when a dependency goes down, one info line when it is back. */
  private observe(key: string, failure: string | undefined): void {
    if (failure !== undefined && !this.down.has(key)) {
      this.down.add(key);
      this.logger.warn({ dependency: key, error: failure }, `${key} is down: readiness answers 503 until it is back`);
    } else if (failure === undefined && this.down.delete(key)) {
      this.logger.log({ dependency: key }, `${key} is back: ready`);
    }
  }

  /**
   * Events of types this version does not know (a newer replica's, during a rolling deploy):
   * skipped by every reader and counted here; not a failure, a reason to finish the deploy.
   */
  private async unknownEventsProbe() {
    const types = UNKNOWN_EVENT_TYPES.report();
    return this.indicator.check('unknownEventTypes').up({ skipped: UNKNOWN_EVENT_TYPES.total, types });
  }

  private async probe<K extends string>(key: K, ping: () => Promise<void>) {
    const session = this.indicator.check(key);
    try {
      await withTimeout(ping(), PROBE_TIMEOUT_MS);
      this.observe(key, undefined);
      return session.up();
    } catch (error) {
      this.observe(key, (error as Error).message);
      return session.down({ message: (error as Error).message });
    }
  }
}

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), EventStoreModule, ViewsModule],
  controllers: [HealthController],
  providers: [RedisProbe],
})
export class HealthModule {}
