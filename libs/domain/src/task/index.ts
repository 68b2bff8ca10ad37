export * from './task.events';
export * from './task.commands';
export * from './task.state';
export * from './task.decide';
export * from './task.errors';
export * from './task.stream';
export { foldTask } from './task.fold';
export { periodBounds, type PeriodBounds } from './period';
export { cooperatingOf, leadsOf, openMilestones, unacknowledged, workStatus } from './task.record';
