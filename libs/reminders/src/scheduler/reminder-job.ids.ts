import { createHash } from 'node:crypto';
import type { PlannedReminder } from '@zw/domain';

/**
 * Ids derived from facts, never random: the same reminder of the same task always gets the
 * same job id (BullMQ keeps one job per id; ':' is refused there), and the same delivery
 * outcome the same event id (a second append of it is refused by the store).
 */
export function reminderJobId(streamId: string, reminder: Pick<PlannedReminder, 'key'>): string {
  return `r-${createHash('sha256').update(`${streamId}/${reminder.key}`).digest('hex').slice(0, 40)}`;
}

/** A UUID (version 8, "custom") from a name: deterministic, valid for both event store adapters. */
export function deterministicUuid(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
