import { DomainError, type DomainErrorKind } from '../shared/domain-error';

/**
 * Emmett-style specifications of a decider: given these events, when this command, then
 * these events (or this error). The state is folded with the decider's own `evolve`, so the
 * tests exercise both halves, and `then` hands back the state the new events lead to.
 */
export interface Decider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => Event[];
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

export interface When<Event, State> {
  /** Exactly these events; returns the state after them. */
  then(expected: readonly Event[]): State;
  /** A DomainError with this code (and kind, when given); returns it for details. */
  thenThrows(code: string, kind?: DomainErrorKind): DomainError;
}

export function specFor<Command, Event, State>(decider: Decider<Command, Event, State>) {
  const fold = (events: readonly Event[]) => events.reduce(decider.evolve, decider.initialState());
  return (given: readonly Event[] = []) => ({
    state: (): State => fold(given),
    when: (command: Command): When<Event, State> => ({
      then(expected) {
        const state = fold(given);
        const events = decider.decide(command, state);
        expect(events).toEqual(expected);
        return events.reduce(decider.evolve, state);
      },
      thenThrows(code, kind) {
        const state = fold(given);
        let thrown: unknown;
        try {
          const events = decider.decide(command, state);
          thrown = new Error(`expected ${code}, got events ${JSON.stringify(events)}`);
        } catch (error) {
          thrown = error;
        }
        if (!(thrown instanceof DomainError)) throw thrown;
        expect(thrown.code).toBe(code);
        if (kind) expect(thrown.kind).toBe(kind);
        return thrown;
      },
    }),
  });
}
