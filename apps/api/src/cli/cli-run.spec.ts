import { DomainError } from '@zw/domain';
import { commandLine, refusal } from './cli-run';

describe('the operator commands’ shared command line', () => {
  it('reads the command word, its subject and the named string options', () => {
    expect(commandLine(['name', 'kind'], ['create', 'qinglan', '--name', '青岚区', '--kind', 'district'])).toEqual({
      command: 'create',
      subject: 'qinglan',
      values: { name: '青岚区', kind: 'district' },
    });
    expect(commandLine(['name'], ['list'])).toEqual({ command: 'list', subject: undefined, values: {} });
  });

  it('refuses an option the command does not know', () => {
    expect(() => commandLine(['name'], ['create', 'x', '--nmae', '甲'])).toThrow(/nmae/);
  });

  it('answers a refusal of the domain or an expected error with exit 1 and throws anything else on', () => {
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    class Expected extends Error {}
    expect(refusal(new DomainError('USER.ALREADY_EXISTS', 'conflict', '用户名已被使用'))).toBe(1);
    expect(refusal(new Expected('an admin exists'), [Expected])).toBe(1);
    expect(write.mock.calls.map(([line]) => String(line))).toEqual([
      'refused, nothing written: USER.ALREADY_EXISTS 用户名已被使用\n',
      'refused, nothing written: an admin exists\n',
    ]);
    expect(() => refusal(new Error('disk full'))).toThrow('disk full');
    write.mockRestore();
  });
});
