import { taskError } from './task.errors';

/**
 * Task streams are named `task-<planId>.<code>`, e.g. `task-qinglan-2023-2026.A-2`. The
 * `task-` prefix is the stream category (KurrentDB's `$ce-task`: everything before the first
 * '-'). Parts are restricted to letters, digits, '-' and '_' so the '.' separating them can
 * never occur inside one and the id parses back unambiguously; ':' is avoided altogether.
 */
const PART = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const PREFIX = 'task-';
const SEPARATOR = '.';

export function isStreamIdPart(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 100 && PART.test(value);
}

export function taskStreamId(planId: string, code: string): string {
  if (!isStreamIdPart(planId) || !isStreamIdPart(code)) {
    throw taskError('TASK.INVALID_PLAN_FACTS', { planId, code });
  }
  return `${PREFIX}${planId}${SEPARATOR}${code}`;
}

/** The plan id and task code of a task stream; undefined for any other stream. */
export function parseTaskStreamId(streamId: string): { planId: string; code: string } | undefined {
  if (!streamId.startsWith(PREFIX)) return undefined;
  const parts = streamId.slice(PREFIX.length).split(SEPARATOR);
  if (parts.length !== 2) return undefined;
  const [planId, code] = parts as [string, string];
  return isStreamIdPart(planId) && isStreamIdPart(code) ? { planId, code } : undefined;
}
