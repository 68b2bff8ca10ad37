import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Body, Controller, Get, Inject, Param, Post, Put, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import {
  investmentTotals,
  PHASE_LABELS,
  projectStreamId,
  supervisorsOf,
  type ProjectCommand,
  type ProjectDefinition,
  type ProjectState,
} from '@zw/domain';
import { formatHundredths } from '@zw/plan';
import type { Request, Response } from 'express';
import { CommandIn, type CommandRequest } from '../commands/command-request';
import { itemAnswer } from '../commands/command-answer';
import { send, stream, type Data } from '../commands/commands';
import { StreamCache } from '../commands/stream-cache';
import { Policy } from '../auth/policy.decorator';
import { canonicalDepartments } from '../tasks/departments';
import { NameDepartmentsDto, ProjectProgressDto } from './dto/indicator.dtos';
import { EvidenceFiles } from '../files/evidence-files';
import { PlanItemsService } from './plan-items';
import { asOfOf } from '../http/request-conventions';

function projectView(def: ProjectDefinition, state: ProjectState) {
  const latest = state.reports.at(-1);
  const { row } = def;
  return {
    projectId: def.id,
    no: def.no,
    name: row.name,
    entity: row.entity,
    content: row.content,
    period: row.period,
    remark: row.remark ?? null,
    investmentPlanned: row.investmentRaw,
    supervising: { departments: supervisorsOf(state, def.supervising), source: state.supervisor ? 'office' : 'plan' },
    phase: latest?.phase ?? null,
    phaseLabel: latest ? PHASE_LABELS[latest.phase] : '未报送',
    investmentCompleted: latest ? formatHundredths(latest.investmentCompletedHundredths) : null,
    investmentPercent: latest
      ? Math.round((latest.investmentCompletedHundredths / def.plannedHundredths) * 10000) / 100
      : null,
    milestones: latest?.milestones ?? [],
    reports: state.reports.map((r) => ({ ...r, phaseLabel: PHASE_LABELS[r.phase] })),
  };
}

/** 项目清单 (附件5): progress by the supervising department; totals against the plan's total investment. */
@ApiTags('项目')
@ApiQuery({ name: 'asOf', required: false, description: '截至日期 YYYY-MM-DD（上海时间当日结束时）' })
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly items: PlanItemsService,
    private readonly streams: StreamCache,
    private readonly bus: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly files: EvidenceFiles,
  ) {}

  @Get()
  @Policy('project.read')
  async list(@Req() req: Request) {
    const items = await this.items.of(req);
    const asOf = asOfOf(req);
    const projects = await Promise.all(
      items.projects.map(async (def) => ({
        def,
        state: (await this.streams.at('project', projectStreamId(items.plan.id, def.id), asOf)).state,
      })),
    );
    return {
      planId: items.plan.id,
      asOf: this.items.day(asOf),
      investment: {
        ...investmentTotals(projects),
        statedTotal: items.plan.statedCounts.projects.totalInvestmentRaw,
        unit: '万元',
      },
      projects: projects.map(({ def, state }) => projectView(def, state)),
    };
  }

  @Get(':projectId')
  @Policy('project.read')
  async one(@Param('projectId') projectId: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { def, items } = await this.items.project(req, projectId);
    const { state, revision } = await this.streams.at('project', projectStreamId(items.plan.id, def.id), asOfOf(req));
    if (revision !== undefined) res.setHeader('ETag', `"${revision}"`);
    return { ...projectView(def, state), revision: revision?.toString() ?? null };
  }

  @Post(':projectId/progress-reports')
  @Policy('project.report')
  async report(@Param('projectId') projectId: string, @Body() b: ProjectProgressDto, @CommandIn() c: CommandRequest) {
    const { def } = await this.items.project(c.planId, projectId);
    const data: Extract<ProjectCommand, { type: 'ReportProjectProgress' }>['data'] = {
      phase: b.phase,
      investmentCompleted: b.investmentCompleted,
      ...(b.milestones
        ? { milestones: b.milestones.map((m) => ({ title: m.title, date: m.date, done: m.done })) }
        : {}),
      ...(b.note !== undefined ? { note: b.note } : {}),
      ...(b.evidence ? { evidence: await this.files.resolve(c.actor, b.evidence) } : {}),
    };
    const answer = await this.send(def, c, 'ReportProjectProgress', data);
    return { ...answer, reportId: answer.data[0]?.['reportId'] ?? null };
  }

  /** Names the supervising department(s) that report the project (the plan names one only for 第5项). */
  @Put(':projectId/supervisor')
  @Policy('project.set-supervisor')
  async setSupervisor(
    @Param('projectId') projectId: string,
    @Body() b: NameDepartmentsDto,
    @CommandIn() c: CommandRequest,
  ) {
    const { def, items } = await this.items.project(c.planId, projectId);
    const departments = canonicalDepartments(items.plan, b.departments, 'departments');
    return this.send(def, c, 'SetProjectSupervisor', { departments, reason: b.reason });
  }

  /** Decided against the plan's definition and the configured ceiling of a report. */
  private async send<T extends ProjectCommand['type']>(
    def: ProjectDefinition,
    c: CommandRequest,
    type: T,
    data: Data<ProjectCommand, T>,
  ) {
    const context = { def, limits: { maxInvestmentWanYuan: this.config.security.maxInvestmentWanYuan } };
    return { projectId: def.id, ...itemAnswer(await send(this.bus, c, stream.project(context), type, data)) };
  }
}
