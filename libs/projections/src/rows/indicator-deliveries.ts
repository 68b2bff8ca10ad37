import { isReminderEvent, parseIndicatorStreamId } from '@zw/domain';
import type { RecordedEvent } from '@zw/event-store';
import { deliveryOf, recordDelivery, type DeliveryLedger } from './task-row';

/**
 * Reminders about an indicator's 指标报送 are recorded in the indicator's stream; a department's
 * accountability counts them with its task reminders. Only deliveries are kept: the indicator
 * views fold their own streams (apps/api/src/indicators).
 */
export interface IndicatorDeliveries extends DeliveryLedger {
  readonly planId: string;
  readonly indicatorId: string;
  readonly streamId: string;
}

export function newIndicatorDeliveries(streamId: string): IndicatorDeliveries | undefined {
  const id = parseIndicatorStreamId(streamId);
  return id && { ...id, streamId, deliveryCounts: new Map(), recentDeliveries: [] };
}

export function applyToIndicator(ledger: IndicatorDeliveries, event: RecordedEvent): void {
  if (isReminderEvent(event)) recordDelivery(ledger, deliveryOf(event, Number(event.revision)));
}
