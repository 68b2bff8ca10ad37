import type { TaskEvent } from './task.events';
import { foldTask } from './task.fold';
import { evolve, initialTaskState, type TaskState } from './task.state';
import { acknowledged, C5_IN, ECO, NOW, URBAN } from './testing/task.fixtures';

/** A state as plain JSON, Maps included, to compare before and after. */
const snapshot = (state: TaskState) => JSON.stringify(state, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

describe('evolve', () => {
  it('starts unassigned', () => {
    expect(initialTaskState()).toEqual({ status: 'unassigned' });
  });

  it('never changes a state it was given: every step copies what it changes', () => {
    const events = [
      ...C5_IN.awaiting_acceptance,
      { type: 'TaskReturned', data: { reason: '补充', returnedAt: NOW } },
    ] satisfies TaskEvent[];
    const states: TaskState[] = [];
    const before: string[] = [];
    let state = initialTaskState();
    for (const event of events) {
      states.push(state);
      before.push(snapshot(state));
      state = evolve(state, event);
    }
    expect(states.map(snapshot)).toEqual(before);
  });

  it('ignores events that cannot follow the state (only decide’s events ever reach a stream)', () => {
    const unassigned = initialTaskState();
    expect(evolve(unassigned, acknowledged(ECO, 'lead'))).toBe(unassigned);
    const cancelled = foldTask(C5_IN.cancelled);
    expect(evolve(cancelled, acknowledged(ECO, 'lead'))).toBe(cancelled);
    const inProgress = foldTask(C5_IN.in_progress);
    expect(
      evolve(inProgress, { type: 'SignedOff', data: { department: URBAN, note: '', remaining: [], signedAt: NOW } }),
    ).toBe(inProgress);
  });

  it('throws on an event type it does not know (a stream written by a newer version)', () => {
    expect(() => evolve(initialTaskState(), { type: 'TaskTeleported', data: {} } as unknown as TaskEvent)).toThrow(
      /unknown task event/,
    );
  });

  it('folds C-5 to each status its fixture names', () => {
    for (const [status, events] of Object.entries(C5_IN)) expect(foldTask(events).status).toBe(status);
  });

  it('keeps the sign-off round only while signing or awaiting acceptance', () => {
    const signing = foldTask(C5_IN.sign_off_requested);
    expect(signing.status === 'sign_off_requested' && signing.signOff).toMatchObject({
      requestedBy: ECO,
      awaiting: [URBAN],
    });
    const waiting = foldTask(C5_IN.awaiting_acceptance);
    expect(waiting.status === 'awaiting_acceptance' && [...waiting.signOff.signed.keys()]).toEqual([URBAN]);
    expect('signOff' in foldTask(C5_IN.accepted)).toBe(false);
  });
});
