import { isStreamIdPart } from '../task/task.stream';

/**
 * Indicator streams are `indicator-<planId>.<序号>` (e.g. `indicator-qinglan-2023-2026.3`), built
 * like task streams: the category before the first '-', parts that never contain '.'.
 */
const PREFIX = 'indicator-';

export function indicatorStreamId(planId: string, indicatorId: string): string {
  if (!isStreamIdPart(planId) || !isStreamIdPart(indicatorId))
    throw new Error(`invalid indicator stream parts ${planId} ${indicatorId}`);
  return `${PREFIX}${planId}.${indicatorId}`;
}

export function parseIndicatorStreamId(streamId: string): { planId: string; indicatorId: string } | undefined {
  if (!streamId.startsWith(PREFIX)) return undefined;
  const parts = streamId.slice(PREFIX.length).split('.');
  if (parts.length !== 2 || !parts.every(isStreamIdPart)) return undefined;
  return { planId: parts[0]!, indicatorId: parts[1]! };
}
