import { Inject, Injectable, ServiceUnavailableException } from '@nestjs/common';
import { CLOCK, shanghaiDate, type Clock } from '@zw/clock';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { indicatorRowsAsOf, rowsAsOf, type IndicatorRow, type PlanTaskLine, type TaskRow } from '@zw/projections';
import { canonicalTaskLines, registryOf } from '@zw/domain';
import type { Plan } from '@zw/plan';
import type { Request, Response } from 'express';
import { asOfOf, badRequest, planIdOf, planNotFound } from '../http/request-conventions';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';
import { ProjectionService } from './projection.service';

/** How long a query waits for the projection to reach a requested position (read-your-writes). */
export const MIN_POSITION_WAIT_MS = 5000;

export interface ViewInput {
  readonly planId: string;
  /** The plan catalogue's revision (undefined for a plan known only from its task streams). */
  readonly planRevision: bigint | undefined;
  /** The plan as imported (undefined for a plan known only from its task streams). */
  readonly plan: Plan | undefined;
  readonly lines: readonly PlanTaskLine[];
  /** The plan's departments (附件4) and any other department a task names. */
  readonly departments: readonly string[];
  readonly rows: readonly TaskRow[];
  /** Reminders about the plan's indicators (counted in a department's accountability). */
  readonly indicators: readonly IndicatorRow[];
  /** The day the view is judged on: `?asOf=`, else today in Shanghai. */
  readonly today: string;
  readonly asOf: string | null;
}

/**
 * What every view needs from a request: the plan, its rows (live, or folded to the end of
 * `?asOf=`), the day to judge on. `X-Min-Position` (or `?minPosition=`) makes the query wait,
 * bounded, until the live model has folded that global position — a command's response
 * carries it — so a client reads its own writes; past the bound it answers 503.
 */
@Injectable()
export class ViewContext {
  constructor(
    private readonly projections: ProjectionService,
    private readonly plans: PlanCatalogueCache,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async input(req: Request, res: Response): Promise<ViewInput> {
    const { planId, asOf, today } = await this.plan(req, res);
    return this.inputFor(planId, asOf, today);
  }

  /** A plan's view input without a request (the city overview gathers one per district). */
  async inputFor(planId: string, asOf: string | null, today: string): Promise<ViewInput> {
    const found = await this.plans.find(planId);
    const planRevision = found?.revision;
    const lines: readonly PlanTaskLine[] = found ? canonicalLines(found.plan) : [];
    const planDepartments = found?.plan.departments.map((d) => d.name) ?? [];
    const live = this.projections.runtime.model.rows(planId);
    const rows = asOf
      ? await rowsAsOf(
          this.store,
          live.map((r) => r.streamId),
          asOf,
        )
      : live;
    const liveIndicators = this.projections.runtime.model.indicatorRows(planId);
    const indicators = asOf
      ? await indicatorRowsAsOf(
          this.store,
          liveIndicators.map((l) => l.streamId),
          asOf,
        )
      : liveIndicators;
    const departments = new Set<string>(planDepartments);
    for (const row of rows) if ('task' in row.state) for (const d of row.state.task.parts.keys()) departments.add(d);
    return {
      planId,
      planRevision,
      plan: found?.plan,
      lines,
      departments: [...departments],
      rows,
      indicators,
      today,
      asOf,
    };
  }

  /** The plan, the day and read-your-writes, without folding any rows (a single task's views). */
  async plan(req: Request, res: Response) {
    const asOf = this.asOf(req);
    await this.caughtUp(req, res);
    const planId = planIdOf(req, this.config.defaultPlanId);
    const found = await this.plans.find(planId);
    if (!found && this.projections.runtime.model.rows(planId).length === 0) throw planNotFound(planId);
    const lines: readonly PlanTaskLine[] = found ? canonicalLines(found.plan) : [];
    const departments = found?.plan.departments.map((d) => d.name) ?? [];
    return {
      planId,
      planRevision: found?.revision,
      lines,
      departments,
      asOf,
      today: asOf ?? shanghaiDate(this.clock.now()),
    };
  }

  /** The live rows of a plan, without a request (the public calendar feed). */
  liveRows(planId: string): readonly TaskRow[] {
    return this.projections.runtime.model.rows(planId);
  }

  /** Whose plan it is, as the plan file names it; undefined for a plan known only from its task streams. */
  async organisationName(planId: string): Promise<string | undefined> {
    return (await this.plans.find(planId))?.plan.settings.organisation.name;
  }

  today(): string {
    return shanghaiDate(this.clock.now());
  }

  /** `?asOf=` (not after today) and the day to judge on, for views over several plans (the city overview). */
  day(req: Request): { asOf: string | null; today: string } {
    const asOf = this.asOf(req);
    return { asOf, today: asOf ?? this.today() };
  }

  private asOf(req: Request): string | null {
    const value = asOfOf(req);
    if (value === undefined) return null;
    // A view of a day that has not ended would present today's guesses as that day's facts.
    if (value > shanghaiDate(this.clock.now())) throw badRequest('asOf', '截至日期不能晚于今天（北京时间）');
    return value;
  }

  private async caughtUp(req: Request, res: Response): Promise<void> {
    const raw =
      req.header('x-min-position') ?? (typeof req.query.minPosition === 'string' ? req.query.minPosition : undefined);
    const runtime = this.projections.runtime;
    if (raw !== undefined && raw !== '') {
      if (!/^\d{1,20}$/.test(raw)) throw badRequest('minPosition', '最小全局位置须为非负整数');
      if (!(await runtime.waitFor(BigInt(raw), MIN_POSITION_WAIT_MS))) {
        throw new ServiceUnavailableException({
          code: 'PROJECTION.BEHIND',
          message: `视图尚未更新到位置 ${raw}，请稍后重试`,
          details: { position: runtime.position?.toString() ?? null },
        });
      }
    }
    res.setHeader('X-Projection-Position', runtime.position?.toString() ?? '');
  }
}

const LINES = new WeakMap<Plan, readonly PlanTaskLine[]>();

/** The plan's task rows with canonical department names (aliases mapped), once per plan. */
function canonicalLines(plan: Plan): readonly PlanTaskLine[] {
  let lines = LINES.get(plan);
  if (!lines) {
    const registry = registryOf(plan);
    const canonical = (name: string) => {
      const unit = registry.resolve(name);
      return unit.kind === 'department' ? unit.canonical : name;
    };
    LINES.set(plan, (lines = canonicalTaskLines(plan.tasks, canonical)));
  }
  return lines;
}
