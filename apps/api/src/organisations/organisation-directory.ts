import { Inject, Injectable } from '@nestjs/common';
import {
  evolveOrganisations,
  initialOrganisationTree,
  isOrganisationEvent,
  ORGANISATIONS_STREAM_ID,
  type OrganisationTree,
} from '@zw/domain';
import { CachedFold, EVENT_STORE, type EventStore } from '@zw/event-store';

/**
 * The organisation tree as its stream stands now: every request's scope check and the city
 * overview read it, so the fold is cached and only events after it are read. Event types this
 * version does not know are skipped (a newer replica may have written them).
 */
@Injectable()
export class OrganisationDirectory {
  private readonly folds: CachedFold<OrganisationTree>;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.folds = new CachedFold(store, initialOrganisationTree, (tree, e) =>
      isOrganisationEvent(e) ? evolveOrganisations(tree, e) : tree,
    );
  }

  async load(): Promise<{ tree: OrganisationTree; revision: bigint | undefined }> {
    const { state, revision } = await this.folds.load(ORGANISATIONS_STREAM_ID);
    return { tree: state, revision };
  }
}
