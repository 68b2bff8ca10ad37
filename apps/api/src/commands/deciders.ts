import {
  decide,
  decideIndicator,
  decideProject,
  decodeIndicatorEvent,
  decodeProjectEvent,
  decodeTaskEvent,
  evolve,
  evolveIndicator,
  evolveProject,
  initialIndicatorState,
  initialProjectState,
  initialTaskState,
  type IndicatorCommand,
  type IndicatorDefinition,
  type ProjectCommand,
  type ProjectDefinition,
  type ProjectLimits,
  type TaskCommand,
  type TaskState,
} from '@zw/domain';
import { decideUser, decodeUserEvent, evolveUser, initialUserState, type UserCommand, type UserState } from '@zw/auth';
import {
  decideOrganisations,
  evolveOrganisations,
  initialOrganisationTree,
  isOrganisationEvent,
  type OrganisationCommand,
  type OrganisationTree,
} from '@zw/domain';
import { decodeKnown, type RecordedEvent } from '@zw/event-store';

/** An event a decision returns, before the store gives it a revision. */
export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
}

/**
 * An aggregate as the command handler needs it (Emmett's `CommandHandler({evolve, initialState})`
 * plus the decision): `evolve` takes the stored event as recorded, so every stream kind applies
 * the one rule for a type this version does not know (skipped, logged once, counted). `context`
 * is what the decision needs beyond the stream (the plan's definition of an indicator), plain data.
 */
export interface Decider<S, C, Ctx> {
  readonly initialState: () => S;
  readonly evolve: (state: S, event: RecordedEvent) => S;
  readonly decide: (command: C, state: S, context: Ctx) => readonly NewEvent[];
}

function decider<S, C, Ctx, E>(d: {
  initialState: () => S;
  decode: (stored: { readonly type: string; readonly data: unknown }) => E | undefined;
  evolve: (state: S, event: E) => S;
  decide: (command: C, state: S, context: Ctx) => readonly NewEvent[];
}): Decider<S, C, Ctx> {
  return {
    initialState: d.initialState,
    evolve: (state, recorded) => {
      const event = decodeKnown(recorded, d.decode);
      return event === undefined ? state : d.evolve(state, event);
    },
    decide: d.decide,
  };
}

/** The plan's side of a project and the configured ceiling of a report (MAX_INVESTMENT_WAN_YUAN). */
export interface ProjectContext {
  readonly def: ProjectDefinition;
  readonly limits: ProjectLimits;
}

/** Every stream kind the api commands, by the name an ExecuteCommand carries. */
export const DECIDERS = {
  task: decider({
    initialState: initialTaskState,
    decode: decodeTaskEvent,
    evolve,
    decide: (c: TaskCommand, s: TaskState, _: undefined) => decide(c, s),
  }),
  indicator: decider({
    initialState: initialIndicatorState,
    decode: decodeIndicatorEvent,
    evolve: evolveIndicator,
    decide: (c: IndicatorCommand, s, def: IndicatorDefinition) => decideIndicator(c, s, def),
  }),
  project: decider({
    initialState: initialProjectState,
    decode: decodeProjectEvent,
    evolve: evolveProject,
    decide: (c: ProjectCommand, s, ctx: ProjectContext) => decideProject(c, s, ctx.def, ctx.limits),
  }),
  /** The one stream `organisations`: the whole tree is the consistency boundary. */
  organisation: decider({
    initialState: initialOrganisationTree,
    decode: (e) => (isOrganisationEvent(e) ? e : undefined),
    evolve: evolveOrganisations,
    decide: (c: OrganisationCommand, s: OrganisationTree, _: undefined) => decideOrganisations(c, s),
  }),
  /** An account (`user-<username>`); secrets are hashed before the command is sent. */
  user: decider({
    initialState: initialUserState,
    decode: decodeUserEvent,
    evolve: evolveUser,
    decide: (c: UserCommand, s: UserState, _: undefined) => decideUser(c, s),
  }),
};

export type StreamKind = keyof typeof DECIDERS;
type Parts<K extends StreamKind> =
  (typeof DECIDERS)[K] extends Decider<infer S, infer C, infer Ctx> ? [S, C, Ctx] : never;
// Distributive, so a command of any kind (`ExecuteCommand<StreamKind>`) has the union of states.
export type StateOf<K extends StreamKind> = K extends StreamKind ? Parts<K>[0] : never;
export type CommandOf<K extends StreamKind> = K extends StreamKind ? Parts<K>[1] : never;
export type ContextOf<K extends StreamKind> = K extends StreamKind ? Parts<K>[2] : never;
