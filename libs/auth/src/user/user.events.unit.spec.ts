import { decodeUserEvent, USER_EVENT_TYPES } from './user.events';
import { evolveUser, initialUserState } from './user.state';

describe('decoding an account stream', () => {
  it('given a type this version folds, decodes it as stored', () => {
    const stored = { type: 'UserEnabled', data: { enabledAt: '2025-01-06T09:00:00+08:00' } };
    expect(decodeUserEvent(stored)).toEqual(stored);
  });

  it('given a type a newer writer added, decodes nothing, so the fold skips it instead of throwing', () => {
    expect(decodeUserEvent({ type: 'UserRenamedInFuture', data: {} })).toBeUndefined();
    // evolveUser alone refuses an unknown type: the catalogue is what keeps a reader alive.
    expect(() => evolveUser(initialUserState(), { type: 'UserRenamedInFuture', data: {} } as never)).toThrow();
  });

  it('names every type the fold knows', () => {
    expect(Object.keys(USER_EVENT_TYPES)).toHaveLength(11);
  });
});
