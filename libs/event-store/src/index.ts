export * from './event-store.port';
export * from './event-store.errors';
export * from './event-store.module';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { PostgresEventStore, type PostgresEventStoreOptions } from './postgres/postgres-event-store';
export { KurrentDbEventStore } from './kurrentdb/kurrentdb-event-store';
export { verifyChains, verifyStream, type ChainReport } from './audit/verify-chains';
export type { ChainBreak } from './hash-chain';
export { CachedFold, type Folded } from './cached-fold';
