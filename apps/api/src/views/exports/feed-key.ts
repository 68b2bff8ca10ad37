import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Calendar apps cannot log in, so a department's iCal feed URL carries its own key: the plan
 * and department, signed with a key derived from the service secret for this purpose only.
 * Anyone with the URL reads that department's deadlines (as with any calendar subscription
 * link); rotating the secret revokes every feed link.
 */
export interface FeedSubject {
  readonly planId: string;
  readonly department: string;
}

export function feedKey(key: Buffer, subject: FeedSubject): string {
  const payload = Buffer.from(`${subject.planId}\n${subject.department}`, 'utf8').toString('base64url');
  return `${payload}.${signature(key, payload)}`;
}

/** The subject of a well-signed key, or undefined for anything else (wrong signature, garbage). */
export function verifyFeedKey(key: Buffer, value: string): FeedSubject | undefined {
  const [payload, given, extra] = value.split('.');
  if (!payload || !given || extra !== undefined) return undefined;
  const expected = Buffer.from(signature(key, payload));
  const received = Buffer.from(given);
  // Compare byte lengths: a non-ASCII signature of the right character count is not the right size.
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return undefined;
  const [planId, department, more] = Buffer.from(payload, 'base64url').toString('utf8').split('\n');
  return planId && department && more === undefined ? { planId, department } : undefined;
}

function signature(key: Buffer, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}
