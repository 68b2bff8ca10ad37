import { Inject, Injectable } from '@nestjs/common';
import {
  decideOrganisations,
  foldOrganisations,
  ORGANISATIONS_STREAM_ID,
  type OrganisationCommand,
  type OrganisationEvent,
  type OrganisationTree,
} from '@zw/domain';
import { ConcurrencyError, EVENT_STORE, type EventMetadata, type EventStore } from '@zw/event-store';
import { KeyedLock } from '../tasks/keyed-lock';
import { OrganisationDirectory } from './organisation-directory';

const MAX_ATTEMPTS = 3;

/**
 * The organisation tree's command path: load the tree → decide → append with the revision read,
 * one decision at a time in this process, decided again when another replica wrote meanwhile.
 * A plain class too, so `npm run organisations` runs the same code on a store it opened itself.
 */
@Injectable()
export class Organisations {
  private readonly lock = new KeyedLock();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly directory: OrganisationDirectory,
  ) {}

  execute(command: OrganisationCommand, metadata: EventMetadata) {
    return this.decideAndAppend((tree) => decideOrganisations(command, tree), metadata);
  }

  /** Any decision over the whole tree (the upgrade's too); nothing decided appends nothing. */
  decideAndAppend(
    decide: (tree: OrganisationTree) => OrganisationEvent[],
    metadata: EventMetadata,
  ): Promise<{ events: OrganisationEvent[]; tree: OrganisationTree }> {
    return this.lock.run(ORGANISATIONS_STREAM_ID, async () => {
      for (let attempt = 1; ; attempt++) {
        const { tree, revision } = await this.directory.load();
        const events = decide(tree);
        if (events.length === 0) return { events, tree };
        try {
          await this.store.append(
            ORGANISATIONS_STREAM_ID,
            events.map((e) => ({ ...e, metadata })),
            revision ?? 'no_stream',
          );
          return { events, tree: foldOrganisations(events, tree) };
        } catch (error) {
          if (!(error instanceof ConcurrencyError) || attempt >= MAX_ATTEMPTS) throw error;
        }
      }
    });
  }
}
