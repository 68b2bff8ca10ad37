import type { LocalDate } from '@zw/domain';
import type { EventStore, RecordedEvent } from '@zw/event-store';
import { applyToIndicator, newIndicatorRow, type IndicatorRow } from '../rows/indicator-row';
import { applyToRow, newTaskRow, type TaskRow } from '../rows/task-row';
import { dayOf } from '../views/dates';

/** Whether an event had happened by the end of `asOf` (Shanghai), judged by when it was decided. */
export function happenedBy(event: RecordedEvent, asOf: LocalDate): boolean {
  return dayOf(event.metadata.occurredAt) <= asOf;
}

/**
 * A stream's events up to the first one after `asOf`: a clean cut in revision order, so a later
 * revision stamped earlier (clocks of two replicas around midnight) is never folded without the
 * revisions before it.
 */
export function eventsUpTo(events: readonly RecordedEvent[], asOf: LocalDate): RecordedEvent[] {
  const cut = events.findIndex((e) => !happenedBy(e, asOf));
  return cut === -1 ? [...events] : events.slice(0, cut);
}

/**
 * Each stream folded from its events up to the end of `asOf`, with the live model's own fold,
 * so a past view is what the live view showed that evening. An event the fold cannot take is
 * skipped, as the live model skips it (and reports it).
 */
async function foldAsOf<T extends object>(
  store: EventStore,
  streamIds: readonly string[],
  asOf: LocalDate,
  create: (streamId: string) => T | undefined,
  apply: (target: T, event: RecordedEvent) => void,
): Promise<Array<{ target: T; folded: number }>> {
  const folded = await Promise.all(
    streamIds.map(async (streamId) => {
      const target = create(streamId);
      if (!target) return undefined;
      const events = eventsUpTo(await store.readStream(streamId), asOf);
      for (const event of events) {
        try {
          apply(target, event);
        } catch {
          // set aside: see TaskRowsModel.apply
        }
      }
      return { target, folded: events.length };
    }),
  );
  return folded.filter((f): f is { target: T; folded: number } => f !== undefined);
}

/** The rows of the given task streams at the end of `asOf`; streams with no event by then are left out. */
export async function rowsAsOf(store: EventStore, streamIds: readonly string[], asOf: LocalDate): Promise<TaskRow[]> {
  return (await foldAsOf(store, streamIds, asOf, newTaskRow, applyToRow))
    .filter((f) => f.folded > 0)
    .map((f) => f.target);
}

/** The given indicator streams at the end of `asOf`; streams with no event by then are left out. */
export async function indicatorRowsAsOf(
  store: EventStore,
  streamIds: readonly string[],
  asOf: LocalDate,
): Promise<IndicatorRow[]> {
  return (await foldAsOf(store, streamIds, asOf, newIndicatorRow, applyToIndicator))
    .filter((f) => f.folded > 0)
    .map((f) => f.target);
}
