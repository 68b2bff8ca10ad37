export { KurrentDbEventStore } from './kurrentdb-event-store';
export { KurrentDbCheckpointStore } from './kurrentdb.checkpoints';
export { CHECKPOINT_EVENT_TYPE, CHECKPOINT_STREAM_PREFIX } from './kurrentdb.mapping';
