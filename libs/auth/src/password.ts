import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes as self-describing strings, `scrypt$N$r$p$saltB64$hashB64`, so the cost can
 * be raised without a migration: old hashes keep verifying with the parameters they were made
 * with, and a login replaces one made at an older cost (`needsRehash`). Plain passwords are
 * NFKC-normalised first, so a password typed with full-width characters on one input method
 * verifies when typed half-width on another.
 */
export interface ScryptCost {
  /** CPU/memory cost, a power of two: a hash needs 128 × N × r bytes (2^15, r=8: 32 MiB). */
  readonly N: number;
  readonly r: number;
  /** Parallelism: lanes computed one after another in the same memory, so time grows with p, memory does not. */
  readonly p: number;
}

/**
 * OWASP Password Storage Cheat Sheet's scrypt option N=2^15, r=8, p=3. Its options are equal in
 * strength; this one needs 32 MiB per hash where N=2^17 needs 128 MiB. Hashes run on libuv's
 * thread pool (4 threads unless UV_THREADPOOL_SIZE says otherwise), so a burst of logins holds at
 * most 4 × 32 MiB beside the api's own heap instead of 512 MiB, and a password-spraying client
 * cannot push the process toward its memory limit. About 0.22 s per hash on this project's
 * 2-core VM (docs/security.md). Before: p=1, under OWASP's minimum; such hashes are upgraded at
 * the next login.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 3 };

const KEY_BYTES = 64;
const SALT_BYTES = 16;
const PREFIX = 'scrypt';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
/**
 * Bounds on what `verifyPassword` accepts from a stored string: a tampered or corrupted hash
 * must not make the server spend gigabytes or minutes on one login attempt.
 */
const LIMITS = { minLog2N: 14, maxLog2N: 17, maxR: 16, maxP: 4 } as const;

export interface ParsedPasswordHash extends ScryptCost {
  readonly salt: Buffer;
  readonly hash: Buffer;
}

export async function hashPassword(plain: string, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<string> {
  if (!isAcceptedCost(cost)) throw new RangeError(`scrypt cost out of bounds: ${JSON.stringify(cost)}`);
  const salt = randomBytes(SALT_BYTES);
  const hash = await derive(plain, salt, cost);
  return [PREFIX, cost.N, cost.r, cost.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/**
 * True when `plain` is the password `encoded` was made from. Never throws on its input: a
 * string that is not a well-formed hash (tampered, truncated, another scheme) verifies nothing.
 * Always costs at least one derivation at the current cost (`topUpCost`), whatever `encoded` is.
 */
export async function verifyPassword(plain: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  const actual = parsed && (await derive(plain, parsed.salt, parsed));
  const extra = topUpCost(parsed);
  if (extra) await derive('', Buffer.alloc(SALT_BYTES), extra);
  return !!parsed && !!actual && actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
}

/**
 * The work `verifyPassword` adds so that no verification costs less than one at the current
 * cost: a failed login for an account whose hash is older (cheaper) must take as long as one for
 * a name that does not exist (checked against a dummy hash of the current cost), or the time would
 * tell which names exist until each has logged in once. Lanes (p) run one after another, so a hash
 * with the current N and r but fewer lanes is topped up with exactly the missing lanes; any other
 * cheaper or malformed hash gets a whole derivation at the current cost (more rather than less).
 */
export function topUpCost(
  stored: ScryptCost | undefined,
  current: ScryptCost = DEFAULT_SCRYPT_COST,
): ScryptCost | undefined {
  if (!stored) return current;
  if (work(stored) >= work(current)) return undefined;
  if (stored.N === current.N && stored.r === current.r) return { ...current, p: current.p - stored.p };
  return current;
}

/** True for a well-formed hash made at another cost than the current one: replace it once the password is known. */
export function needsRehash(encoded: string, current: ScryptCost = DEFAULT_SCRYPT_COST): boolean {
  const parsed = parsePasswordHash(encoded);
  return !!parsed && (parsed.N !== current.N || parsed.r !== current.r || parsed.p !== current.p);
}

/** The parts of a well-formed hash string, or undefined. */
export function parsePasswordHash(encoded: unknown): ParsedPasswordHash | undefined {
  if (typeof encoded !== 'string' || encoded.length > 300) return undefined;
  const parts = encoded.split('$');
  if (parts.length !== 6 || parts[0] !== PREFIX) return undefined;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const cost = { N: integer(n), r: integer(r), p: integer(p) };
  if (!isAcceptedCost(cost)) return undefined;
  const saltBytes = strictBase64(salt);
  const hashBytes = strictBase64(hash);
  if (!saltBytes || saltBytes.length < SALT_BYTES || !hashBytes || hashBytes.length !== KEY_BYTES) return undefined;
  return { ...cost, salt: saltBytes, hash: hashBytes };
}

/** Lets the user domain refuse anything but a hash (a plain password passed by mistake). */
export function isPasswordHash(value: unknown): value is string {
  return parsePasswordHash(value) !== undefined;
}

/** A random secret, base64url: one-time bootstrap secrets, refresh tokens. 32 bytes = 256 bits. */
export function generateSecret(bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < 16 || bytes > 1024) throw new RangeError('a secret needs 16 to 1024 bytes');
  return randomBytes(bytes).toString('base64url');
}

/**
 * Refresh tokens are stored only as this digest, so a leaked event log or database holds
 * nothing that can be replayed. A plain SHA-256 is enough (unlike for passwords): the token
 * is 256 random bits, there is nothing to guess.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export const TOKEN_HASH = /^[0-9a-f]{64}$/;

export function isTokenHash(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_HASH.test(value);
}

function derive(plain: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  // Node refuses N=2^15, r=8 under its default maxmem (32 MiB, exactly what it needs) with a
  // synchronous throw: allow twice the requirement (p adds only p × 128 × r bytes: lanes share V).
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    try {
      scrypt(plain.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
    } catch (error) {
      reject(error);
    }
  });
}

/** Proportional to scrypt's time: p lanes of N × r block mixes each. */
function work({ N, r, p }: ScryptCost): number {
  return N * r * p;
}

function isAcceptedCost({ N, r, p }: ScryptCost): boolean {
  const log2N = Math.log2(N);
  return (
    Number.isInteger(log2N) &&
    log2N >= LIMITS.minLog2N &&
    log2N <= LIMITS.maxLog2N &&
    Number.isInteger(r) &&
    r >= 1 &&
    r <= LIMITS.maxR &&
    Number.isInteger(p) &&
    p >= 1 &&
    p <= LIMITS.maxP
  );
}

/** Digits only, no leading zero, no sign, no exponent: one spelling per number. */
function integer(text: string): number {
  return /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : NaN;
}

/** Buffer.from(…, 'base64') skips characters it does not know; a tampered string must not pass. */
function strictBase64(text: string): Buffer | undefined {
  if (!BASE64.test(text) || text.length % 4 !== 0) return undefined;
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}
