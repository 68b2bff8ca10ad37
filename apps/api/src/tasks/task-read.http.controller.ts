import { ApiTags } from '@nestjs/swagger';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import { taskStreamId } from '@zw/domain';
import type { Request, Response } from 'express';
import { TaskCommandSender } from './task-command.sender';
import { TaskStreamCache } from './task-stream.cache';
import { taskView } from './task.view';
import { Policy, ScopeRows } from '../auth/policy.decorator';
import { ProjectionService } from '../views/projection.service';

/**
 * Reads of one task, folded from its stream; the board and other read models over the global
 * log are in ../views. The ETag is the stream revision for If-Match.
 */
@ApiTags('任务查询')
@Controller('tasks')
export class TaskReadController {
  constructor(
    private readonly streams: TaskStreamCache,
    private readonly sender: TaskCommandSender,
    private readonly projections: ProjectionService,
  ) {}

  /**
   * Every task of the plan's list, with its workflow status (待交办 when never assigned), then
   * the tasks the office created beyond the list (known from the projection of the log).
   */
  @Policy('task.read')
  @ScopeRows()
  @Get()
  async list(@Req() req: Request) {
    const plan = await this.sender.plan(req);
    const listed = new Set(plan.tasks.map((t) => t.code));
    const created = this.projections.runtime.model
      .rows(plan.id)
      .filter((r) => !listed.has(r.code))
      .map((r) => r.code)
      .sort();
    return Promise.all([
      ...plan.tasks.map((row) =>
        this.load(plan.id, row.code).then(({ view }) => ({ ...view, code: row.code, title: row.text })),
      ),
      ...created.map((code) => this.load(plan.id, code).then(({ view }) => ({ ...view, code }))),
    ]);
  }

  @Policy('task.read')
  @Get(':code')
  async one(@Param('code') code: string, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const planId = this.sender.planIdOf(req);
    const { view, revision } = await this.load(planId, code);
    if (revision === undefined) {
      const plan = await this.sender.plan(req);
      if (!plan.tasks.some((t) => t.code === code))
        throw new NotFoundException({ code: 'NOT_FOUND', message: `任务 ${code} 不存在 (task not found)` });
    } else {
      res.setHeader('ETag', `"${revision}"`);
    }
    return { ...view, code };
  }

  private async load(planId: string, code: string) {
    const { state, revision } = await this.streams.load(taskStreamId(planId, code));
    return { view: taskView(state, revision), revision };
  }
}
