export * from './calendar-feed.events';
export * from './calendar-feed.commands';
export * from './calendar-feed.errors';
export * from './calendar-feed.state';
export * from './calendar-feed.decide';
