import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { indicatorDefinitions, initialIndicatorState, type IndicatorDefinition } from '@zw/domain';
import type { Plan } from '@zw/plan';
import { todoFor, type LightRules, type TodoIndicator, type TodoWho } from '@zw/projections';
import type { Request, Response } from 'express';
import { CurrentActor, type Actor } from '../actor/actor';
import { Policy } from '../auth/policy.decorator';
import { LIGHT_RULES } from '../views/light-rules.provider';
import { ViewContext } from '../views/view-context';
import { ViewQueryDto } from '../views/view-query.dtos';
import { TodoAnswerDto } from './todo.dtos';

const definitions = new WeakMap<Plan, readonly IndicatorDefinition[]>();

/** 我的待办: the signed-in user's to-do list, folded from the read models (libs/projections todo.view). */
@ApiTags('我的')
@Controller('me')
export class MeTodoController {
  constructor(
    private readonly context: ViewContext,
    @Inject(LIGHT_RULES) private readonly rules: LightRules,
  ) {}

  @Policy('me.read')
  @Get('todo')
  @ApiOperation({
    summary: '我的待办',
    description:
      '部门：待签收、30 天内到期或已逾期的本单位节点、待报送进展、待会签、被退回、延期审批结果、待报送指标；无废办：待审批延期、待办结、待确认指标报送、签收逾期、会签异议；领导：督办。每项给出期限、剩余天数、红黄绿灯和处理接口。支持 asOf 与 X-Min-Position。',
  })
  @ApiOkResponse({ type: TodoAnswerDto })
  async todo(
    @Query() _query: ViewQueryDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<TodoAnswerDto> {
    const input = await this.context.input(req, res);
    const who: TodoWho =
      actor.role === 'department' ? { role: 'department', department: actor.department ?? '' } : { role: actor.role };
    const states = new Map(input.indicators.map((r) => [r.indicatorId, r.state]));
    const indicators: TodoIndicator[] = this.definitionsOf(input.plan).map((def) => ({
      def,
      state: states.get(def.id) ?? initialIndicatorState(),
    }));
    const { dueSoonDays } = this.rules;
    const items = todoFor(who, { rows: input.rows, indicators, today: input.today, dueSoonDays });
    return { planId: input.planId, asOf: input.today, items: items.map((i) => ({ ...i })) };
  }

  private definitionsOf(plan: Plan | undefined): readonly IndicatorDefinition[] {
    if (!plan) return [];
    let defs = definitions.get(plan);
    if (!defs) definitions.set(plan, (defs = indicatorDefinitions(plan)));
    return defs;
  }
}
