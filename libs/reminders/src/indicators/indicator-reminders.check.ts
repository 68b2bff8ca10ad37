import {
  foldIndicator,
  indicatorReminderDropReason,
  indicatorReminderMessage,
  indicatorReminderSubject,
  parseIndicatorStreamId,
  planIndicatorReminders,
  type IndicatorEvent,
  type PlannedReminder,
  type ReminderPolicy,
} from '@zw/domain';
import type { RecordedEvent } from '@zw/event-store';
import type { Recheck } from '../reminder.recheck';
import type { PlanDefinitions } from './plan-definitions';

/**
 * A 指标报送 reminder is still called for when the policy plans it (by key) from the indicator
 * as it stands now — the plan's current definition and the stream just read: a report sent or
 * confirmed for the period, or another department named, and it is dropped.
 */
export class IndicatorReminderCheck {
  constructor(
    private readonly definitions: PlanDefinitions,
    private readonly policy: ReminderPolicy,
  ) {}

  async check(streamId: string, events: readonly RecordedEvent[], reminder: PlannedReminder): Promise<Recheck> {
    const ids = parseIndicatorStreamId(streamId);
    const def = ids ? (await this.definitions.now(ids.planId))?.find((d) => d.id === ids.indicatorId) : undefined;
    const state = foldIndicator(events.map((e) => ({ type: e.type, data: e.data }) as IndicatorEvent));
    const planned = def
      ? planIndicatorReminders(def, state, this.policy).find((r) => r.key === reminder.key)
      : undefined;
    if (!def || !planned || planned.target.kind !== 'indicator')
      return { due: false, reason: indicatorReminderDropReason(def, state, reminder) };
    return {
      due: true,
      reminder: planned,
      text: indicatorReminderMessage(planned, def, this.policy.dayCount),
      subject: indicatorReminderSubject(planned, def),
      about: { indicatorId: def.id, indicatorName: def.row.level3, period: planned.target.period },
    };
  }
}
