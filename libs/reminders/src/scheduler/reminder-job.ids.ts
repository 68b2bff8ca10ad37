import * as crypto from 'node:crypto';
import type { PlannedReminder } from '@zw/domain';

/**
 * Ids derived from facts, never random: the same reminder of the same task always gets the
 * same job id (BullMQ keeps one job per id; ':' is refused there), and the same delivery
 * outcome the same event id (a second append of it is refused by the store).
 */
export function reminderJobId(streamId: string, reminder: Pick<PlannedReminder, 'key'>): string {
  return `r-${sha256Hex(`${streamId}/${reminder.key}`).slice(0, 40)}`;
}

/**
 * The same hex digest either way; the one-shot `crypto.hash` (Node ≥ 20.12) skips the Hash
 * object and costs ~0.35 µs against ~0.9 µs, which matters at ~100 ids per assigned task.
 * `engines` admits older Node 20 releases, which lack it.
 */
const oneShot = (crypto as { hash?: (algorithm: string, data: string) => string }).hash;
function sha256Hex(text: string): string {
  return oneShot ? oneShot('sha256', text) : crypto.createHash('sha256').update(text).digest('hex');
}

/** A UUID (version 8, "custom") from a name: deterministic, valid for both event store adapters. */
export function deterministicUuid(name: string): string {
  const hex = sha256Hex(name);
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
