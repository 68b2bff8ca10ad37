/**
 * Read models folded from the global event log (projections issue): task rows kept live by a
 * subscription with a stored snapshot + checkpoint, and the pure views computed from them.
 */
export * from './rows/task-row';
export * from './rows/task-rows.model';
export * from './rows/indicator-row';
export * from './runtime/projection.runtime';
export * from './runtime/snapshot.file';
export * from './runtime/as-of';
export * from './views/dates';
export * from './views/light.rules';
export * from './views/light';
export * from './views/moves';
export * from './views/plan-task';
export * from './views/board.view';
export * from './views/accountability.view';
export * from './views/ranking.view';
export * from './views/calendar.view';
export * from './views/overview.view';
export * from './views/audit-trail.view';
export * from './views/overdue';
export * from './views/department-kind';
export * from './views/district-ranking';
export * from './views/district-summary';
export * from './views/city-overview.view';
export * from './views/todo.view';
export * from './views/todo.item';
export * from './inbox/inbox.model';
