import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { PlanCatalogueCache } from './plan-catalogue.cache';
import { Policy } from '../auth/policy.decorator';

const LISTS = ['departments', 'externalUnits', 'genericEntries', 'tasks', 'indicators', 'projects'] as const;

/** A plan's catalogue as everyone reads it (the office's imports: plan-import.http.controller.ts). */
@ApiTags('计划')
@Controller('plans')
export class PlansController {
  constructor(private readonly plans: PlanCatalogueCache) {}

  @Policy('plan.read')
  @Get(':planId')
  async overview(@Param('planId') planId: string, @Res({ passthrough: true }) res: Response) {
    const { plan, state, revision } = await this.find(planId);
    res.setHeader('ETag', `"${revision}"`);
    const {
      departments: _d,
      externalUnits: _e,
      genericEntries: _g,
      tasks: _t,
      indicators: _i,
      projects: _p,
      ...header
    } = plan;
    const counts = Object.fromEntries(LISTS.map((list) => [list, plan[list].length]));
    return { ...header, counts, revision: revision.toString(), lastImport: state.lastImport };
  }

  // Declared before ':planId/:list', which would otherwise take this path.
  @Policy('plan.read')
  @Get(':planId/validation-report')
  async report(@Param('planId') planId: string) {
    return (await this.find(planId)).state.lastImport?.report;
  }

  @Policy('plan.read')
  @Get(':planId/:list')
  async list(@Param('planId') planId: string, @Param('list') list: string) {
    if (!(LISTS as readonly string[]).includes(list))
      throw new NotFoundException({ code: 'NOT_FOUND', message: `计划没有名为“${list}”的清单` });
    const { plan } = await this.find(planId);
    // Department names are canonical; their aliases are accepted as input and mapped to them.
    if (list === 'departments') return plan.departments.map((d) => ({ ...d, canonical: true }));
    return plan[list as (typeof LISTS)[number]];
  }

  private async find(planId: string) {
    const found = await this.plans.find(planId);
    if (!found) throw new NotFoundException({ code: 'NOT_FOUND', message: `计划“${planId}”不存在` });
    return found;
  }
}
