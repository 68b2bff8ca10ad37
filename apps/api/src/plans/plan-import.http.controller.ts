import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  BadRequestException,
  Body,
  Controller,
  HttpCode,
  Inject,
  Param,
  Post,
  Put,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { CLOCK, type Clock } from '@zw/clock';
import { EVENT_STORE, type EventStore } from '@zw/event-store';
import { importPlan, loadPlan, planWithTaskSheet, type ImportResult, type Plan } from '@zw/plan';
import type { Request, Response } from 'express';
import { CurrentActor, eventMetadata, type Actor } from '../actor/actor';
import { XLSX_MIME } from '../configure-http';
import { PlanCatalogueCache } from './plan-catalogue.cache';
import { IsolatedSheetReader } from '../security/sheet-worker/isolated-task-sheet';
import { Policy } from '../auth/policy.decorator';
import { planNotFound } from '../http/request-conventions';
import { OrganisationAccess } from '../organisations/organisation-access';
import { plainRequest } from '../commands/command-request';
import { send, stream } from '../commands/commands';

/** `?dryRun=true`: check a file as its import would, appending nothing (the 计划导入 page's 导入前 report). */
const DRY_RUN = {
  name: 'dryRun',
  required: false,
  type: Boolean,
  description: '为 true 时只校验：返回导入将产生的校验报告与新增、修订、撤回数，不记录任何事件',
};

function dryRunOf(value: unknown): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new BadRequestException({
    code: 'VALIDATION',
    message: 'dryRun: 只能为 true 或 false',
    details: { fields: [{ field: 'dryRun', reason: '只能为 true 或 false' }] },
  });
}

/** 计划导入: the office imports a plan file or replaces its task list from a sheet (reads: plans.http.controller.ts). */
@ApiTags('计划')
@Controller('plans')
export class PlanImportController {
  /** Uploaded sheets are read in a worker thread with memory and time limits (docs/security.md). */
  private readonly sheets = new IsolatedSheetReader();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly plans: PlanCatalogueCache,
    private readonly bus: CommandBus,
    private readonly access: OrganisationAccess,
  ) {}

  /** Imports a plan file (JSON, the schema of libs/plan): 201 when it changed something, 200 when not. */
  @Policy('plan.import')
  @Post()
  @HttpCode(200)
  @ApiBody({
    description: '计划文件（JSON，结构见 libs/plan/src/plan.schema.ts，例见 libs/plan/data/）',
    schema: { type: 'object', required: ['id', 'tasks'], properties: { id: { type: 'string' } } },
  })
  @ApiQuery(DRY_RUN)
  async import(
    @Body() body: unknown,
    @Query('dryRun') dryRun: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const dry = dryRunOf(dryRun);
    return this.importAndAnswer(loadPlan(body, 'request body'), 'http', dry, actor, req, res);
  }

  /** Replaces the plan's task list from an .xlsx sheet (附件3 columns); a bad cell → 400 naming sheet, row, column. */
  @Policy('plan.import')
  @Put(':planId/tasks')
  @HttpCode(200)
  @ApiConsumes(XLSX_MIME)
  @ApiBody({ description: '任务清单表格（.xlsx，附件3 的列）', schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'sheet', required: false, description: '工作表名称（缺省为第一个）' })
  @ApiQuery(DRY_RUN)
  async importTaskSheet(
    @Param('planId') planId: string,
    @Query('sheet') sheet: string | undefined,
    @Query('dryRun') dryRun: unknown,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const dry = dryRunOf(dryRun);
    if (!req.is(XLSX_MIME) || !Buffer.isBuffer(req.body)) {
      throw new BadRequestException({
        code: 'VALIDATION',
        message: `请求体须为 .xlsx 文件（Content-Type: ${XLSX_MIME}）`,
        details: { fields: [{ field: 'body', reason: '须为 .xlsx 文件' }] },
      });
    }
    if (sheet !== undefined && typeof sheet !== 'string') {
      throw new BadRequestException({
        code: 'VALIDATION',
        message: 'sheet: 工作表名称只能填写一个',
        details: { fields: [{ field: 'sheet', reason: '工作表名称只能填写一个' }] },
      });
    }
    const plan = await planWithTaskSheet(this.store, planId, req.body, sheet, (bytes, options) =>
      this.sheets.read(bytes, options),
    );
    return this.importAndAnswer(plan, 'http:xlsx', dry, actor, req, res);
  }

  /**
   * A plan of an organisation outside the office's reach is answered as one that does not exist
   * (nothing is appended); a new plan is attached to the office's organisation (PlanAttached).
   * A dry run answers the same report and counts and appends nothing, not even the attachment.
   */
  private async importAndAnswer(
    plan: Plan,
    source: string,
    dryRun: boolean,
    actor: Actor,
    req: Request,
    res: Response,
  ) {
    const tree = await this.access.tree();
    const attached = tree.planOwners.get(plan.id);
    const owner = attached ?? ((await this.plans.find(plan.id)) ? this.access.ownerOf(tree, plan.id) : undefined);
    if (owner !== undefined && !this.access.reaches(tree, actor, owner)) throw planNotFound(plan.id);
    const metadata = eventMetadata(actor, req, this.clock);
    const result = await importPlan(this.store, plan, { source, metadata, dryRun });
    if (dryRun) return importResponse(result);
    const organisationId = owner ?? actor.organisationId;
    if (attached === undefined && organisationId !== undefined) {
      const request = plainRequest(actor, metadata.correlationId);
      await send(this.bus, request, stream.organisations(), 'AttachPlan', { organisationId, planId: plan.id });
    }
    if (result.appended > 0) res.status(201);
    if (result.revision !== undefined) res.setHeader('ETag', `"${result.revision}"`);
    return importResponse(result);
  }
}

export function importResponse(result: ImportResult) {
  return {
    ...result,
    revision: result.revision?.toString() ?? null,
    position: result.position?.toString() ?? null,
  };
}
