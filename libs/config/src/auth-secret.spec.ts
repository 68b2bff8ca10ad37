import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKey, resolveAuthSecret, SECRET_FILE } from './auth-secret';
import { loadConfig } from './config';

describe('resolveAuthSecret', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'zw-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given JWT_SECRET, uses it and writes nothing', () => {
    expect(resolveAuthSecret(loadConfig({ DATA_DIR: dir, JWT_SECRET: 'k'.repeat(40) }))).toBe('k'.repeat(40));
    expect(() => statSync(join(dir, SECRET_FILE))).toThrow();
  });

  it('on the embedded default, generates one secret on the first start (mode 0600) and keeps it', () => {
    const config = loadConfig({ DATA_DIR: dir });
    const first = resolveAuthSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, SECRET_FILE)).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(config)).toBe(first);
  });

  it('refuses a stored secret too short to sign with', () => {
    writeFileSync(join(dir, SECRET_FILE), 'short', { mode: 0o600 });
    expect(() => resolveAuthSecret(loadConfig({ DATA_DIR: dir }))).toThrow(/no usable secret/);
  });

  it('derives a different key per purpose', () => {
    expect(deriveKey('s'.repeat(40), 'calendar-feed').equals(deriveKey('s'.repeat(40), 'calendar-feed'))).toBe(true);
    expect(deriveKey('s'.repeat(40), 'calendar-feed').equals(deriveKey('s'.repeat(40), 'other'))).toBe(false);
    expect(deriveKey('s'.repeat(40), 'calendar-feed')).toHaveLength(32);
  });
});
