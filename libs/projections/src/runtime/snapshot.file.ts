import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { readdirSync, readFileSync, unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { deserialize, serialize } from 'node:v8';

/**
 * A read model's state and the position it reached, stored together in one file, so the
 * checkpoint can never run ahead of (or behind) the state it describes. v8 serialization
 * keeps Maps and bigints; the write goes to a temporary file, is fsynced, then renamed over
 * the old one, so a crash leaves either the old snapshot or the new one.
 *
 * The file is verified before use: `MAGIC | payload length (8 bytes) | SHA-256 of payload | payload`.
 * One flipped bit (a due date 2024-06-30 read as 2024-06-20), a cut-off file or a file of another
 * format or version is rejected with its reason, and the caller rebuilds from the log instead.
 */
export interface SnapshotEnvelope<T> {
  readonly format: string;
  readonly version: number;
  readonly state: T;
}

export type SnapshotRead<T> =
  | { readonly status: 'none' }
  | { readonly status: 'ok'; readonly envelope: SnapshotEnvelope<T> }
  | { readonly status: 'rejected'; readonly reason: string };

/** The file operations a write uses: tests hand in one that fails like a full disk. */
export type SnapshotIo = Pick<
  typeof fs,
  'mkdirSync' | 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync' | 'unlinkSync'
>;

const MAGIC = Buffer.from('ZWSNAP\u0000\u0002', 'latin1');
const HEADER = MAGIC.length + 8 + 32;

export function writeSnapshot<T>(file: string, envelope: SnapshotEnvelope<T>, io: SnapshotIo = fs): void {
  io.mkdirSync(dirname(file), { recursive: true });
  const payload = serialize(envelope);
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header, 0);
  header.writeBigUInt64BE(BigInt(payload.length), MAGIC.length);
  createHash('sha256')
    .update(payload)
    .digest()
    .copy(header, MAGIC.length + 8);
  // One temporary file per writer: a rebuild CLI and an api sharing DATA_DIR never write the same one.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = io.openSync(temporary, 'w', 0o600);
    try {
      io.writeSync(fd, header);
      io.writeSync(fd, payload);
      io.fsyncSync(fd);
    } finally {
      io.closeSync(fd);
    }
    io.renameSync(temporary, file);
  } catch (error) {
    // A full disk (ENOSPC) or any other refusal leaves no half-written temporary file behind.
    try {
      io.unlinkSync(temporary);
    } catch {
      // never created, or already renamed
    }
    throw error;
  }
}

/** The stored snapshot, nothing (no file), or why the file there must not be used. */
export function readSnapshot<T>(file: string, format: string, version: number): SnapshotRead<T> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { status: 'none' };
    return { status: 'rejected', reason: `unreadable: ${(error as Error).message}` };
  }
  const reject = (reason: string): SnapshotRead<T> => ({ status: 'rejected', reason });
  if (bytes.length < HEADER || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
    return reject(bytes.length === 0 ? 'empty file' : 'no checksum header (not a verified snapshot, or an older one)');
  const length = bytes.readBigUInt64BE(MAGIC.length);
  const payload = bytes.subarray(HEADER);
  if (BigInt(payload.length) !== length) return reject(`truncated or padded: ${payload.length} of ${length} bytes`);
  const expected = bytes.subarray(MAGIC.length + 8, HEADER);
  if (!createHash('sha256').update(payload).digest().equals(expected)) return reject('checksum mismatch');
  let envelope: SnapshotEnvelope<T>;
  try {
    envelope = deserialize(payload) as SnapshotEnvelope<T>;
  } catch (error) {
    return reject(`cannot be decoded: ${(error as Error).message}`);
  }
  if (envelope?.format !== format) return reject(`format ${String(envelope?.format)}, expected ${format}`);
  if (envelope.version !== version) return reject(`version ${envelope.version}, expected ${version}`);
  return { status: 'ok', envelope };
}

/**
 * Removes temporary files a writer left behind (a crash or a full disk between open and rename):
 * `<snapshot>.<pid>.<random>.tmp`, unless that pid is another process still running (a rebuild
 * CLI writing right now). Returns the names removed.
 */
export function removeStaleTemporaries(file: string): string[] {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = name.startsWith(prefix) ? /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length)) : null;
    if (!match || isOtherLiveProcess(Number(match[1]))) continue;
    try {
      unlinkSync(join(dirname(file), name));
      removed.push(name);
    } catch {
      // gone meanwhile
    }
  }
  return removed;
}

function isOtherLiveProcess(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
