/**
 * The pure domain of the zero-waste-city workflow: decisions as functions of commands and
 * state, no framework, no I/O, no clock (checked by `npm run boundaries`).
 */
export * from './shared/domain-error';
export * from './shared/message';
export { isLocalDate, shanghaiDay, type Instant, type LocalDate } from './shared/local-date';
export * from './task';
export * from './reminder';
export * from './indicator';
export * from './project';
export * from './organisation';
export * from './calendar-feed';
