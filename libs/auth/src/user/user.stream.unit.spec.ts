import { DomainError } from '@zw/domain';
import { loginName, parseUserStreamId, userStreamId } from './user.stream';

describe('user stream ids', () => {
  it('are user-<username>, in the category `user`', () => {
    expect(userStreamId('zhang.wei')).toBe('user-zhang.wei');
    expect(userStreamId('li-na_2').split('-')[0]).toBe('user');
    expect(parseUserStreamId('user-li-na_2')).toBe('li-na_2');
  });

  it.each([
    'Zhang',
    'zw',
    '',
    '-zhang',
    '.zhang',
    'zhang wei',
    'zhang:wei',
    '张伟',
    'a'.repeat(41),
    'zhang@',
    'zhang@Qinglan',
    'zhang@a@b',
    '@qinglan',
  ])('refuses the user name %p', (username) => {
    expect(() => userStreamId(username)).toThrow(DomainError);
    expect(() => userStreamId(username)).toThrow(
      expect.objectContaining({ code: 'USER.INVALID_USERNAME', kind: 'invalid' }),
    );
  });

  it('accepts 3 to 40 characters', () => {
    expect(userStreamId('abc')).toBe('user-abc');
    expect(userStreamId('a'.repeat(40))).toBe(`user-${'a'.repeat(40)}`);
  });

  it.each(['task-lianyun.A-6', 'user-', 'user-Zhang', 'users-zhang'])('does not parse %p as a user stream', (id) => {
    expect(parseUserStreamId(id)).toBeUndefined();
  });

  it('scopes login names by organisation: bare in the default one, `name@organisation` elsewhere', () => {
    expect(loginName('zhang', 'lianyun', 'lianyun')).toBe('zhang');
    expect(loginName('zhang@lianyun', 'lianyun', 'lianyun')).toBe('zhang');
    expect(loginName('zhang', 'qinglan', 'lianyun')).toBe('zhang@qinglan');
    expect(loginName('zhang@qinglan', 'qinglan', 'lianyun')).toBe('zhang@qinglan');
    // Naming another organisation is refused whatever exists there.
    expect(loginName('zhang@lianyun', 'qinglan', 'lianyun')).toBeUndefined();
    expect(userStreamId('zhang@qinglan')).toBe('user-zhang@qinglan');
    expect(parseUserStreamId('user-zhang@qinglan')).toBe('zhang@qinglan');
  });
});
