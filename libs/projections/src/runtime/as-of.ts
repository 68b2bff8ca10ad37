import type { LocalDate } from '@zw/domain';
import type { EventStore, RecordedEvent } from '@zw/event-store';
import { applyToIndicator, newIndicatorDeliveries, type IndicatorDeliveries } from '../rows/indicator-deliveries';
import { applyToRow, newTaskRow, type TaskRow } from '../rows/task-row';
import { dayOf } from '../views/dates';

/** Whether an event had happened by the end of `asOf` (Shanghai), judged by when it was decided. */
export function happenedBy(event: RecordedEvent, asOf: LocalDate): boolean {
  const at = event.metadata.occurredAt;
  // Our clock writes Shanghai time (`…+08:00`), whose first ten characters are the day: the
  // common case needs no parsing (an as-of view reads ~10k events per plan).
  return (at.length >= 16 && at.endsWith('+08:00') ? at.slice(0, 10) : dayOf(at)) <= asOf;
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
 * The rows of the given task streams as they stood at the end of `asOf`, folded from each
 * stream's events up to that day: the same fold as the live model, so a past view is what
 * the live view showed that evening. Streams with no event by then are left out.
 */
export async function rowsAsOf(store: EventStore, streamIds: readonly string[], asOf: LocalDate): Promise<TaskRow[]> {
  const rows = await Promise.all(
    streamIds.map(async (streamId) => {
      const row = newTaskRow(streamId);
      if (!row) return undefined;
      for (const event of eventsUpTo(await store.readStream(streamId), asOf)) applyToRow(row, event);
      return row.revision >= 0 ? row : undefined;
    }),
  );
  return rows.filter((r): r is TaskRow => r !== undefined);
}

/** Reminders recorded in the given indicator streams by the end of `asOf`. */
export async function indicatorDeliveriesAsOf(store: EventStore, streamIds: readonly string[], asOf: LocalDate): Promise<IndicatorDeliveries[]> {
  const ledgers = await Promise.all(
    streamIds.map(async (streamId) => {
      const ledger = newIndicatorDeliveries(streamId);
      if (!ledger) return undefined;
      for (const event of eventsUpTo(await store.readStream(streamId), asOf)) applyToIndicator(ledger, event);
      return ledger;
    }),
  );
  return ledgers.filter((l): l is IndicatorDeliveries => l !== undefined);
}
