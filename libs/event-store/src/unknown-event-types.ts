import { Logger } from '@nestjs/common';

/**
 * One rule for an event type this version does not know (written by a newer api or worker during
 * a rolling deploy): every reader skips it, logs it once per type, and counts it, so
 * `/health/ready` shows it — never a crash, never a 500. Readers: the command path's stream
 * caches, the projections, the reminder planner, the audit trail.
 */
export interface UnknownEventTypeReport {
  readonly type: string;
  readonly count: number;
  readonly firstStream: string;
}

/** Nest's logger: once the api or worker has called `app.useLogger(pino)`, the process's JSON log. */
const logger = new Logger('UnknownEventTypes');

export class UnknownEventTypes {
  private readonly seen = new Map<string, { count: number; firstStream: string }>();

  /** Where the first sighting of each type is logged (replaceable, so a test can watch it). */
  onFirstSighting: (type: string, streamId: string) => void = (type, streamId) =>
    logger.warn(
      { event: 'unknown_event_type', type, firstStream: streamId },
      `skipping events of unknown type "${type}" (a newer writer's); counted in /health/ready`,
    );

  /** Records one skipped event. */
  note(type: string, streamId: string): void {
    const entry = this.seen.get(type);
    if (entry) {
      entry.count++;
      return;
    }
    this.seen.set(type, { count: 1, firstStream: streamId });
    this.onFirstSighting(type, streamId);
  }

  report(): UnknownEventTypeReport[] {
    return [...this.seen].map(([type, { count, firstStream }]) => ({ type, count, firstStream }));
  }

  get total(): number {
    return [...this.seen.values()].reduce((sum, e) => sum + e.count, 0);
  }
}

/** The process's one tracker (every reader of the process reports to it). */
export const UNKNOWN_EVENT_TYPES = new UnknownEventTypes();

/**
 * `decode` applied to one stored event under the rule above: `undefined` (skipped, noted) when
 * the type is unknown. Each aggregate's catalogue supplies `decode` (libs/domain `decodeTaskEvent` …).
 */
export function decodeKnown<E>(
  event: { readonly type: string; readonly data: unknown; readonly streamId: string },
  decode: (stored: { readonly type: string; readonly data: unknown }) => E | undefined,
  tracker: UnknownEventTypes = UNKNOWN_EVENT_TYPES,
): E | undefined {
  const decoded = decode(event);
  if (decoded === undefined) tracker.note(event.type, event.streamId);
  return decoded;
}

/** The known events of a stream, decoded; unknown ones skipped and noted. */
export function decodeAllKnown<E>(
  events: Iterable<{ readonly type: string; readonly data: unknown; readonly streamId: string }>,
  decode: (stored: { readonly type: string; readonly data: unknown }) => E | undefined,
  tracker: UnknownEventTypes = UNKNOWN_EVENT_TYPES,
): E[] {
  const out: E[] = [];
  for (const event of events) {
    const decoded = decodeKnown(event, decode, tracker);
    if (decoded !== undefined) out.push(decoded);
  }
  return out;
}
