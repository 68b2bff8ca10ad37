import type { TaskEvent } from '@zw/domain';
import type { NewEvent } from '@zw/event-store';
import { acknowledgedBy, C5, meta } from '../../libs/reminders/src/testing/reminder.fixtures';

const ACKNOWLEDGED_AT = '2024-01-03T09:00:00+08:00';

/**
 * Task C-5 (the reminders' own fixture, libs/reminders/src/testing) assigned in January 2024 with
 * both milestones due 2024-06-30, both departments acknowledged: on 2024-07-03 both milestones
 * are 3 days overdue, so a worker owes 7 reminders per milestone (30/7/1 days before, overdue
 * days 1-3, 督办 to the office) on each channel.
 */
export function overdueTaskFixture(lead: string, cooperating: string): NewEvent[] {
  const [m1, m2] = C5.milestones;
  const assigned: TaskEvent = {
    type: 'TaskAssigned',
    data: {
      ...C5,
      lead: [lead],
      cooperating: [cooperating],
      milestones: [
        { ...m1!, owner: lead },
        { ...m2!, dueDate: '2024-06-30', owner: cooperating },
      ],
      reporting: null,
      source: 'plan',
      assignedAt: '2024-01-02T09:00:00+08:00',
    },
  };
  return [
    assigned,
    acknowledgedBy(lead, 'lead', ACKNOWLEDGED_AT),
    acknowledgedBy(cooperating, 'cooperating', ACKNOWLEDGED_AT),
  ].map((e) => ({ ...e, metadata: meta(ACKNOWLEDGED_AT) }));
}
