import type { components } from './schema';

/**
 * Names for the answers the console reads, each the type generated from the route's closed 2xx
 * schema (apps/api/src/openapi/schemas, `npm run web:client`): a field the api renames or drops
 * is a compile error where the console reads it. `unwrap` infers the same types from the route.
 */
type Schemas = components['schemas'];

export type Board = Schemas['Board'];
export type BoardItem = Schemas['BoardItem'];

type BoardLight = BoardItem['light'];
/** A light as LightTag shows it: the board's, or one the console composes (to-do, indicators). */
export type Light = Pick<BoardLight, 'colour' | 'label'> & {
  reasons: Pick<BoardLight['reasons'][number], 'rule' | 'text'>[];
};

/** GET /tasks/:code: an assigned task, or its plan row while 待交办. */
export type AssignedTaskView = Schemas['AssignedTaskView'];
/**
 * openapi-fetch's inferred answer leaves out a field whose only value is null (Readable<> of
 * openapi-typescript-helpers): the 待交办 row's `revision`, always null, is left out here alike.
 */
export type UnassignedTaskView = Omit<Schemas['UnassignedTaskView'], 'revision'>;
export type TaskView = AssignedTaskView | UnassignedTaskView;
export type TaskMilestone = AssignedTaskView['milestones'][number];
export type TaskExtension = AssignedTaskView['extensions'][number];

export type AuditTrail = Schemas['AuditTrail'];
export type AuditEntry = AuditTrail['entries'][number];
