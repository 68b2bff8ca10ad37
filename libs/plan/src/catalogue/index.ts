export * from './plan-catalogue.events';
export * from './plan-catalogue';
export * from './import-plan';
export * from './task-sheet-import';
