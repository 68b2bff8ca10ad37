export * from './reminder.events';
export * from './reminder.policy';
export * from './reminder.plan';
export * from './reminder.message';
export * from './reminder.deliveries';
export {
  addDays,
  addCalendarDays,
  daysBetween,
  firstSendTimeOn,
  isSendTime,
  isWorkingDay,
  nextSendTime,
  shanghaiClock,
} from './reminder.calendar';
export * from './indicator-reminder.plan';
export { parseHolidayFile, type OperatorHolidays } from './holiday-calendar';
export { useOperatorHolidays, unknownCalendarYears } from './working-days';
export * from './reminder.triggers';
