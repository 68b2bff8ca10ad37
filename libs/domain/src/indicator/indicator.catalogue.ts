import type { IndicatorEvent } from './indicator.events';

/** The one catalogue of indicator event types (labels for readers; a Record over the union). */
export const INDICATOR_EVENTS = {
  IndicatorReported: { label: '报送指标数据', kind: 'workflow' },
  IndicatorReportConfirmed: { label: '确认指标报送', kind: 'workflow' },
  IndicatorReportRejected: { label: '退回指标报送', kind: 'workflow' },
  IndicatorTasksLinked: { label: '调整关联任务', kind: 'workflow' },
  IndicatorResponsibilitySet: { label: '指定报送责任部门', kind: 'workflow' },
  ReminderSent: { label: '催办', kind: 'delivery' },
  EscalationSent: { label: '督办', kind: 'delivery' },
  ReminderFailed: { label: '发送失败', kind: 'delivery' },
} as const satisfies Record<IndicatorEvent['type'], { label: string; kind: 'workflow' | 'delivery' }>;

/** A stored event as an IndicatorEvent; `undefined` for a type this version does not know. */
export function decodeIndicatorEvent(stored: {
  readonly type: string;
  readonly data: unknown;
}): IndicatorEvent | undefined {
  return Object.hasOwn(INDICATOR_EVENTS, stored.type)
    ? ({ type: stored.type, data: stored.data } as IndicatorEvent)
    : undefined;
}
