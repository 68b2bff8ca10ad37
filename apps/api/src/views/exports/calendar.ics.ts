import type { Deadline } from '@zw/projections';
import ical from 'ical-generator';

/**
 * A department's deadlines as an iCal feed (RFC 5545) Outlook and phone calendars subscribe
 * to: all-day events with stable UIDs, so a moved deadline moves in the subscriber's calendar.
 * Deadlines are days, not instants: `DTSTART;VALUE=DATE` is a floating date (the same day in
 * every time zone, Asia/Shanghai included), so the feed needs no VTIMEZONE; DTSTAMP is UTC.
 */
export function calendarIcs(
  department: string,
  /** Whose plan it is (the plan file's `settings.organisation.name`), when the plan is imported. */
  organisation: string | undefined,
  deadlines: readonly Deadline[],
  stamp: Date,
): string {
  const calendar = ical({
    name: icsText(`${department} · 无废城市任务期限`),
    description: icsText(`${organisation ?? ''}“无废城市”建设任务的签收、里程碑与任务期限`),
    prodId: { company: 'zero-waste-city', product: 'task-deadlines', language: 'ZH' },
    ttl: 3600,
  });
  for (const d of deadlines) {
    calendar.createEvent({
      id: `${d.id}@zero-waste-city`,
      start: new Date(`${d.date}T00:00:00Z`),
      allDay: true,
      stamp,
      summary: icsText(`【${d.kindLabel}】${d.title}${d.done ? '（已完成）' : ''}`),
      description: icsText(
        `任务 ${d.code}：${d.taskTitle}\n责任单位：${d.departments.join('、')}\n状态：${d.statusLabel}`,
      ),
    });
  }
  return calendar.toString();
}

// RFC 5545 §3.3.11: TEXT carries no CONTROL characters (U+0000–U+0008, U+000A–U+001F, U+007F)
// but TAB; line breaks are escaped by the generator, so LF stays; noncharacters and lone
// surrogates are not text at all.
const NOT_ICS_TEXT =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Plan and user text made fit for an iCal TEXT value. */
export function icsText(text: string): string {
  return text.replace(NOT_ICS_TEXT, '');
}
