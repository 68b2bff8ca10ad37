export * from './project.definition';
export * from './project.events';
export * from './project.commands';
export * from './project.errors';
export * from './project.state';
export * from './project.decide';
export * from './project.totals';
export * from './project.stream';
