import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './config';
import { SECRET_VARIABLES } from './secret-files';

describe('secrets from files (<NAME>_FILE, as Docker and Kubernetes mount them)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const secretFile = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content, { mode: 0o600 });
    return path;
  };

  it('reads JWT_SECRET and DATABASE_URL from their files, dropping the trailing newline', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      JWT_SECRET_FILE: secretFile('jwt', 'a-secret-of-at-least-32-characters-long\n'),
      DATABASE_URL_FILE: secretFile('db', 'postgres://zw:s3cret@db:5432/zero_waste\n'),
    });
    expect(config.auth.secret).toBe('a-secret-of-at-least-32-characters-long');
    expect(config.databaseUrl).toBe('postgres://zw:s3cret@db:5432/zero_waste');
  });

  it('refuses both the variable and its file, and a file that cannot be read, naming the variable only', () => {
    const path = secretFile('jwt2', 'another-secret-of-at-least-32-characters');
    expect(() =>
      loadConfig({ JWT_SECRET: 'x'.repeat(40), JWT_SECRET_FILE: path, REDIS_URL_FILE: join(dir, 'missing') }),
    ).toThrow(
      /JWT_SECRET and JWT_SECRET_FILE are both set: set one of them[\s\S]*REDIS_URL_FILE=".*missing" cannot be read: ENOENT/,
    );
  });

  it('covers every secret of the service', () => {
    expect([...SECRET_VARIABLES].sort()).toEqual(
      [
        'DATABASE_URL',
        'EVENTSTORE_CONNECTION_STRING',
        'JWT_SECRET',
        'REDIS_URL',
        'REMINDER_WEBHOOK_SECRET',
        'SMTP_URL',
      ].sort(),
    );
  });
});
