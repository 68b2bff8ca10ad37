import type { Deadline } from '@zw/projections';
import ical from 'ical-generator';

/**
 * A department's deadlines as an iCal feed (RFC 5545) Outlook and phone calendars subscribe
 * to: all-day events with stable UIDs, so a moved deadline moves in the subscriber's calendar.
 */
export function calendarIcs(
  department: string,
  /** Whose plan it is (the plan file's `settings.organisation.name`), when the plan is imported. */
  organisation: string | undefined,
  deadlines: readonly Deadline[],
  stamp: Date,
): string {
  const calendar = ical({
    name: `${department} · 无废城市任务期限`,
    description: `${organisation ?? ''}“无废城市”建设任务的签收、里程碑与任务期限`,
    timezone: 'Asia/Shanghai',
    prodId: { company: 'zero-waste-city', product: 'task-deadlines', language: 'ZH' },
    ttl: 3600,
  });
  for (const d of deadlines) {
    const start = new Date(`${d.date}T00:00:00Z`);
    calendar.createEvent({
      id: `${d.id}@zero-waste-city`,
      start,
      allDay: true,
      stamp,
      summary: `【${d.kindLabel}】${d.title}${d.done ? '（已完成）' : ''}`,
      description: `任务 ${d.code}：${d.taskTitle}\n责任单位：${d.departments.join('、')}\n状态：${d.statusLabel}`,
    });
  }
  return calendar.toString();
}
