import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { parseTaskStreamId } from '@zw/domain';
import type { FileDescription } from '@zw/files';
import type { Actor } from '../actor/actor';
import { TaskStreamCache } from '../tasks/task-stream.cache';
import { FileReferenceIndex } from './file-reference.index';

/** Roles that read tasks, indicators and projects (the policy table's readers; not admins). */
const READER_ROLES: ReadonlySet<string> = new Set(['office', 'leader', 'department']);

/**
 * Who may download a file: whoever may read a task or item whose events reference it, or the
 * uploader while nothing references it yet. A task is read by the office and leaders and by the
 * departments taking part in it now; indicators and projects are read by every reader role.
 */
@Injectable()
export class FileAccess {
  private tasks?: TaskStreamCache;

  constructor(
    private readonly references: FileReferenceIndex,
    private readonly modules: ModuleRef,
  ) {}

  async mayRead(actor: Actor, fileId: string, description: FileDescription | undefined): Promise<boolean> {
    const streams = await this.references.streamsReferencing(fileId);
    if (streams.length === 0) return description?.uploads.some((u) => u.uploader === actor.id) ?? false;
    if (!READER_ROLES.has(actor.role)) return false;
    for (const streamId of streams) if (await this.mayReadStream(actor, streamId)) return true;
    return false;
  }

  private async mayReadStream(actor: Actor, streamId: string): Promise<boolean> {
    if (!parseTaskStreamId(streamId)) return true; // an indicator's or project's: every reader
    if (actor.role !== 'department') return true;
    // Looked up, not imported: the tasks module imports this one for its evidence.
    this.tasks ??= this.modules.get(TaskStreamCache, { strict: false });
    const { state } = await this.tasks.load(streamId);
    return state.status !== 'unassigned' && actor.department !== undefined && state.task.parts.has(actor.department);
  }
}
