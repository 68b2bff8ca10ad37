import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { CLOCK, shanghaiDate, type Clock } from '@zw/clock';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { indicatorDefinitions, projectDefinitions, type IndicatorDefinition, type ProjectDefinition } from '@zw/domain';
import type { Plan } from '@zw/plan';
import type { Request } from 'express';
import { planIdOf, planNotFound } from '../http/request-conventions';
import { PlanCatalogueCache } from '../plans/plan-catalogue.cache';

export interface PlanItems {
  readonly plan: Plan;
  readonly indicators: readonly IndicatorDefinition[];
  readonly projects: readonly ProjectDefinition[];
}

const built = new WeakMap<Plan, PlanItems>();

/**
 * The plan a request works on (`?plan=`, else DEFAULT_PLAN_ID) with its indicator and project
 * definitions, built once per plan revision (the catalogue cache keeps one Plan object per
 * revision), and the day a read is about (`?asOf=`, else today in Shanghai).
 */
@Injectable()
export class PlanItemsService {
  constructor(
    private readonly plans: PlanCatalogueCache,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A read's request (its `?plan=`), or the plan id a command request resolved. */
  async of(from: Request | string): Promise<PlanItems> {
    const planId = typeof from === 'string' ? from : planIdOf(from, this.config.defaultPlanId);
    const found = await this.plans.find(planId);
    if (!found) throw planNotFound(planId);
    let items = built.get(found.plan);
    if (!items)
      built.set(
        found.plan,
        (items = {
          plan: found.plan,
          indicators: indicatorDefinitions(found.plan),
          projects: projectDefinitions(found.plan),
        }),
      );
    return items;
  }

  async indicator(
    from: Request | string,
    indicatorId: string,
  ): Promise<{ items: PlanItems; def: IndicatorDefinition }> {
    const items = await this.of(from);
    const def = items.indicators.find((d) => d.id === indicatorId);
    if (!def) throw new NotFoundException({ code: 'NOT_FOUND', message: `指标 ${indicatorId} 不存在` });
    return { items, def };
  }

  async project(from: Request | string, projectId: string): Promise<{ items: PlanItems; def: ProjectDefinition }> {
    const items = await this.of(from);
    const def = items.projects.find((d) => d.id === projectId);
    if (!def) throw new NotFoundException({ code: 'NOT_FOUND', message: `项目 ${projectId} 不存在` });
    return { items, def };
  }

  /** The day lights are judged on: the as-of day, else today. */
  day(asOf: string | undefined): string {
    return asOf ?? shanghaiDate(this.clock.now());
  }

  now(): Date {
    return this.clock.now();
  }
}
