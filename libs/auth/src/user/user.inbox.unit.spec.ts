import type { UserCommand } from './user.commands';
import { admin, created, disabled, given, NOW, self, ZHANG } from './testing/user.fixtures';

const read = (upTo: string, metadata = self(ZHANG)): UserCommand => ({
  type: 'MarkNotificationsRead',
  data: { upTo },
  metadata,
});

describe('notifications read (the inbox position in the account stream)', () => {
  it('given an account, records the position read up to', () => {
    const state = given([created()])
      .when(read('42'))
      .then([{ type: 'NotificationsRead', data: { upTo: '42', readAt: NOW } }]);
    expect(state.status === 'active' && state.user.notificationsReadUpTo).toBe('42');
  });

  it('only moves forward: an older or equal position appends nothing', () => {
    const at42 = { type: 'NotificationsRead' as const, data: { upTo: '42', readAt: NOW } };
    given([created(), at42]).when(read('42')).then([]);
    given([created(), at42]).when(read('7')).then([]);
    given([created(), at42])
      .when(read('0043'))
      .then([{ type: 'NotificationsRead', data: { upTo: '43', readAt: NOW } }]);
  });

  it('refuses anyone but the user, a disabled account and a position that is not one', () => {
    given([created()]).when(read('1', admin())).thenThrows('USER.SELF_ONLY', 'forbidden');
    given([created(), disabled()]).when(read('1')).thenThrows('USER.DISABLED', 'forbidden');
    given([created()]).when(read('-1')).thenThrows('USER.INVALID_POSITION', 'invalid');
    given([created()]).when(read('1e9')).thenThrows('USER.INVALID_POSITION', 'invalid');
    given([]).when(read('1')).thenThrows('USER.NOT_FOUND', 'not_found');
  });
});
