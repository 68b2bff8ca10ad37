import { createHash, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashes as self-describing strings, `scrypt$N$r$p$saltB64$hashB64`, so the cost can
 * be raised later without a migration: old hashes keep verifying with the parameters they
 * were made with. Plain passwords are NFKC-normalised first, so a password typed with
 * full-width characters on one input method verifies when typed half-width on another.
 */
export interface ScryptCost {
  /** CPU/memory cost, a power of two. 2^15 needs 32 MiB and takes about 0.2 s per hash on a current server core. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

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
 */
export async function verifyPassword(plain: string, encoded: string): Promise<boolean> {
  const parsed = parsePasswordHash(encoded);
  if (!parsed) return false;
  const actual = await derive(plain, parsed.salt, parsed);
  return actual.length === parsed.hash.length && timingSafeEqual(actual, parsed.hash);
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
  // synchronous throw: allow twice the requirement.
  const options: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) => {
    try {
      scrypt(plain.normalize('NFKC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key)));
    } catch (error) {
      reject(error);
    }
  });
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
