import { loadConfig } from '@zw/config';
import { firstAdminCommand, listeningAddress, runtimeOf } from './startup-hints';

describe('start log hints', () => {
  it('prints the address the socket is bound to, and how to reach every-interface binds from the machine', () => {
    expect(listeningAddress({ address: '0.0.0.0', family: 'IPv4', port: 3917 })).toBe(
      'http://0.0.0.0:3917 (every interface; on this machine http://127.0.0.1:3917)',
    );
    expect(listeningAddress({ address: '127.0.0.1', family: 'IPv4', port: 3000 })).toBe('http://127.0.0.1:3000');
    expect(listeningAddress({ address: '::1', family: 'IPv6', port: 3000 })).toBe('http://[::1]:3000');
  });

  it('names the exact command that creates the first admin, for the way the api was started', () => {
    const config = loadConfig({ DATA_DIR: '/srv/zw/data' });
    expect(firstAdminCommand(config, runtimeOf({}, '/app/apps/api/src/main.ts'))).toBe(
      'DATA_DIR=/srv/zw/data npm run users -- bootstrap',
    );
    expect(firstAdminCommand(config, runtimeOf({}, '/app/dist/apps/api/src/main.js'))).toBe(
      'DATA_DIR=/srv/zw/data node dist/apps/api/src/auth/users.cli.js bootstrap',
    );
    expect(firstAdminCommand(config, runtimeOf({ ZW_CONTAINER: '1' }, '/app/dist/apps/api/src/main.js'))).toMatch(
      /^docker compose run --rm api users bootstrap/,
    );
    const postgres = loadConfig({ DATABASE_URL: 'postgres://zw@db/zw' });
    expect(firstAdminCommand(postgres, 'compiled')).toBe(
      'node dist/apps/api/src/auth/users.cli.js bootstrap   (with the same store settings as this api)',
    );
  });
});
