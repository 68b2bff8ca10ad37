import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Resource } from '@zw/auth';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { taskStreamId } from '@zw/domain';
import type { Request } from 'express';
import { planIdOf } from '../../http/request-conventions';
import { StreamCache } from '../../commands/stream-cache';

/**
 * What an `own-department` route is about, read from its path parameters, so one rule covers
 * every such route, including those added later:
 * - `:department` → that department (its accountability, calendar, feed link);
 * - `:code` → the departments currently assigned to the task (lead and cooperating); a task
 *   never assigned belongs to no department yet.
 * A route with neither is confined by the handler (`@ScopeRows`, or the domain's own check).
 */
@Injectable()
export class RequestResources {
  private cache?: StreamCache;

  constructor(
    private readonly modules: ModuleRef,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async of(req: Request): Promise<Resource | undefined> {
    const { department, code } = req.params as Record<string, string | undefined>;
    if (department !== undefined) return { departments: [department] };
    if (code !== undefined) return { departments: await this.taskDepartments(req, code) };
    return undefined;
  }

  private async taskDepartments(req: Request, code: string): Promise<string[]> {
    const plan = planIdOf(req, this.config.defaultPlanId);
    let streamId: string;
    try {
      streamId = taskStreamId(plan, code);
    } catch {
      return []; // not a task code at all: nobody's
    }
    // The commands module owns the folded streams; looked up, not imported, so the guard
    // (global) does not make every module depend on the tasks module.
    this.cache ??= this.modules.get(StreamCache, { strict: false });
    const { state } = await this.cache.load('task', streamId);
    return state.status === 'unassigned' ? [] : [...state.task.parts.keys()];
  }
}
