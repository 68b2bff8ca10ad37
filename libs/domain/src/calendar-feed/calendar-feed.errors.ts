import { errorFactory, type DomainError, type DomainErrorKind } from '../shared/domain-error';

export const CALENDAR_FEED_ERRORS = {
  'CALENDAR_FEED.NOT_FOUND': ['not_found', '没有这个日历订阅'],
  'CALENDAR_FEED.OWN_DEPARTMENT_ONLY': ['forbidden', '只能管理本单位的日历订阅'],
  'CALENDAR_FEED.NOT_ALLOWED': ['forbidden', '只有无废办或本单位可以创建、停用日历订阅'],
  'CALENDAR_FEED.TOO_MANY': ['conflict', '本单位有效的日历订阅已达上限，请先停用不再使用的订阅'],
  'CALENDAR_FEED.ALREADY_EXISTS': ['conflict', '日历订阅已存在'],
  'CALENDAR_FEED.INVALID': ['invalid', '日历订阅参数无效'],
  'CALENDAR_FEED.INVALID_TIME': ['invalid', '操作时间无效（应为带时区的 ISO 8601 时间）'],
} as const satisfies Record<string, readonly [DomainErrorKind, string]>;

export type CalendarFeedErrorCode = keyof typeof CALENDAR_FEED_ERRORS;

export const calendarFeedError: (code: CalendarFeedErrorCode, details?: Record<string, unknown>) => DomainError =
  errorFactory(CALENDAR_FEED_ERRORS);
