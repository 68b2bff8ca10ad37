import { DomainError } from '@zw/domain';
import { parseUserStreamId, userStreamId } from './user.stream';

describe('user stream ids', () => {
  it('are user-<username>, in the category `user`', () => {
    expect(userStreamId('zhang.wei')).toBe('user-zhang.wei');
    expect(userStreamId('li-na_2').split('-')[0]).toBe('user');
    expect(parseUserStreamId('user-li-na_2')).toBe('li-na_2');
  });

  it.each(['Zhang', 'zw', '', '-zhang', '.zhang', 'zhang wei', 'zhang:wei', '张伟', 'a'.repeat(41)])(
    'refuses the user name %p',
    (username) => {
      expect(() => userStreamId(username)).toThrow(DomainError);
      expect(() => userStreamId(username)).toThrow(
        expect.objectContaining({ code: 'USER.INVALID_USERNAME', kind: 'invalid' }),
      );
    },
  );

  it('accepts 3 to 40 characters', () => {
    expect(userStreamId('abc')).toBe('user-abc');
    expect(userStreamId('a'.repeat(40))).toBe(`user-${'a'.repeat(40)}`);
  });

  it.each(['task-lianyun.A-6', 'user-', 'user-Zhang', 'users-zhang'])('does not parse %p as a user stream', (id) => {
    expect(parseUserStreamId(id)).toBeUndefined();
  });
});
