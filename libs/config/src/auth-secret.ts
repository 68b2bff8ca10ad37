import { hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIN_SECRET_LENGTH, type AppConfig } from './config';

/**
 * Injection token of the service's signing secret (a string): JWT access tokens are signed
 * with it directly; anything else that signs (calendar feed keys) derives its own key with
 * `deriveKey`, so one purpose's signatures never verify for another.
 */
export const AUTH_SECRET = 'AUTH_SECRET';

/** Where the embedded default keeps the secret it generated on its first start. */
export const SECRET_FILE = 'jwt-secret';

/**
 * JWT_SECRET when configured (required in production: loadConfig refuses to start without
 * it); otherwise the secret stored in DATA_DIR, generated on the first start. The file is
 * created exclusively with mode 0600, so an api and a worker starting together agree on one.
 */
export function resolveAuthSecret(config: AppConfig): string {
  if (config.auth.secret) return config.auth.secret;
  if (config.nodeEnv === 'production') throw new Error('JWT_SECRET is required when NODE_ENV=production');
  const path = join(config.dataDir, SECRET_FILE);
  mkdirSync(config.dataDir, { recursive: true });
  try {
    writeFileSync(path, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // A copied data folder may have lost the mode; the secret must not be readable by others.
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  const secret = readFileSync(path, 'utf8').trim();
  if (secret.length < MIN_SECRET_LENGTH)
    throw new Error(`${path} holds no usable secret: delete it to generate a new one`);
  return secret;
}

/** A 32-byte key for one purpose (e.g. 'calendar-feed'), derived from the secret with HKDF-SHA256. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'zero-waste-city', purpose, 32));
}
