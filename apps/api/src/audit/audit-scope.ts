import { Injectable } from '@nestjs/common';
import { parseUserStreamId } from '@zw/auth';
import { parseIndicatorStreamId, parseTaskStreamId } from '@zw/domain';
import { planStreamId } from '@zw/plan';
import type { Actor } from '../actor/actor';
import { UserAccounts } from '../auth/users/user-accounts';
import { OrganisationAccess } from '../organisations/organisation-access';

/**
 * Which streams an audit by this caller covers: those of the plans it reaches (catalogue, tasks,
 * indicators, projects), the accounts of the organisations it reaches, and the deployment-wide
 * registries every district's scope rests on (the organisation tree, the calendar-feed keys).
 * Another district's streams are neither checked nor named: a break there answers as nothing,
 * like `?stream=` of a stream that does not exist. The shell's `npm run audit:verify` covers all.
 */
@Injectable()
export class AuditScope {
  constructor(
    private readonly organisations: OrganisationAccess,
    private readonly accounts: UserAccounts,
  ) {}

  async of(actor: Actor): Promise<(streamId: string) => boolean> {
    const tree = await this.organisations.tree();
    const accounts = new Set(
      (await this.accounts.list())
        .filter((s) => this.organisations.reaches(tree, actor, s.user.organisationId ?? undefined))
        .map((s) => s.user.username),
    );
    return (streamId) => {
      const planId = planOfStream(streamId);
      if (planId !== undefined) return this.organisations.reachesPlan(tree, actor, planId);
      const username = parseUserStreamId(streamId);
      return username === undefined || accounts.has(username);
    };
  }
}

/** The plan a stream belongs to (its catalogue, a task, an indicator, a project), if any. */
function planOfStream(stream: string): string | undefined {
  const prefix = planStreamId('');
  if (stream.startsWith(prefix)) return stream.slice(prefix.length);
  return (
    parseTaskStreamId(stream)?.planId ??
    parseIndicatorStreamId(stream)?.planId ??
    /^project-([^.]+)\./.exec(stream)?.[1]
  );
}
