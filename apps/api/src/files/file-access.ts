import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { parseIndicatorStreamId, parseTaskStreamId, type OrganisationTree } from '@zw/domain';
import type { FileDescription } from '@zw/files';
import type { Actor } from '../actor/actor';
import { OrganisationAccess } from '../organisations/organisation-access';
import { StreamCache } from '../commands/stream-cache';
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
  private tasks?: StreamCache;

  constructor(
    private readonly references: FileReferenceIndex,
    private readonly modules: ModuleRef,
    private readonly organisations: OrganisationAccess,
  ) {}

  async mayRead(actor: Actor, fileId: string, description: FileDescription | undefined): Promise<boolean> {
    return (await this.verdict(actor, fileId, description)) === 'read';
  }

  /**
   * `hidden` when every reference lies in plans of organisations outside the caller's reach:
   * the api answers as for a file that does not exist (another district's file is not revealed).
   */
  async verdict(
    actor: Actor,
    fileId: string,
    description: FileDescription | undefined,
  ): Promise<'read' | 'forbidden' | 'hidden'> {
    const streams = await this.references.streamsReferencing(fileId);
    if (streams.length === 0) return description?.uploads.some((u) => u.uploader === actor.id) ? 'read' : 'forbidden';
    const tree = await this.organisations.tree();
    const reachable = streams.filter((s) => this.inReach(tree, actor, s));
    if (reachable.length === 0) return 'hidden';
    if (!READER_ROLES.has(actor.role)) return 'forbidden';
    for (const streamId of reachable) if (await this.mayReadStream(actor, streamId)) return 'read';
    return 'forbidden';
  }

  private inReach(tree: OrganisationTree, actor: Actor, streamId: string): boolean {
    const planId =
      parseTaskStreamId(streamId)?.planId ??
      parseIndicatorStreamId(streamId)?.planId ??
      /^project-([^.]+)\./.exec(streamId)?.[1];
    return planId === undefined || this.organisations.reachesPlan(tree, actor, planId);
  }

  private async mayReadStream(actor: Actor, streamId: string): Promise<boolean> {
    if (!parseTaskStreamId(streamId)) return true; // an indicator's or project's: every reader
    if (actor.role !== 'department') return true;
    // Looked up, not imported: the tasks module imports this one for its evidence.
    this.tasks ??= this.modules.get(StreamCache, { strict: false });
    const { state } = await this.tasks.load('task', streamId);
    return state.status !== 'unassigned' && actor.department !== undefined && state.task.parts.has(actor.department);
  }
}
