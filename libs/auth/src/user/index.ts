export * from './user.events';
export * from './user.commands';
export * from './user.state';
export * from './user.decide';
export * from './user.errors';
export * from './user.stream';
export { refusedRotation } from './decide.sessions';
