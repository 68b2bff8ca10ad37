import {
  decodeIndicatorEvent,
  evolveIndicator,
  initialIndicatorState,
  isReminderEvent,
  parseIndicatorStreamId,
  type IndicatorState,
} from '@zw/domain';
import { decodeKnown, type RecordedEvent } from '@zw/event-store';
import { deliveryOf, recordDelivery, type DeliveryLedger } from './task-row';

/**
 * One indicator of a plan as the read models see it: the domain's own state (reports, links,
 * who reports), so the city overview can set districts' indicators side by side without
 * reading a stream per indicator per request, and the reminders about its 指标报送 (a
 * department's accountability counts them with its task reminders).
 */
export interface IndicatorRow extends DeliveryLedger {
  readonly planId: string;
  readonly indicatorId: string;
  readonly streamId: string;
  revision: number;
  /** Global position of the last event folded: what a cache keyed on the row's state compares. */
  position: bigint;
  state: IndicatorState;
}

export function newIndicatorRow(streamId: string): IndicatorRow | undefined {
  const id = parseIndicatorStreamId(streamId);
  return (
    id && {
      ...id,
      streamId,
      revision: -1,
      position: -1n,
      state: initialIndicatorState(),
      deliveryCounts: new Map(),
      recentDeliveries: [],
    }
  );
}

/** Folds one event of the indicator's stream (in place); types this version does not know are skipped. */
export function applyToIndicator(row: IndicatorRow, event: RecordedEvent): void {
  if (isReminderEvent(event)) recordDelivery(row, deliveryOf(event, Number(event.revision)));
  else {
    // Computed before anything changes: an event the fold cannot take leaves the row as it was.
    const decoded = decodeKnown(event, decodeIndicatorEvent);
    if (decoded) row.state = evolveIndicator(row.state, decoded);
  }
  row.revision = Number(event.revision);
  row.position = event.position;
}
