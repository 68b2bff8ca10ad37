/**
 * The zip container of an .xlsx, read from its central directory: names and declared sizes of
 * every part, without inflating anything. What can be refused from the directory alone is
 * refused before a single byte is decompressed (xlsx-limits.ts).
 */
import { constants, inflateRawSync } from 'node:zlib';

export interface ArchiveEntry {
  readonly name: string;
  /** 0 stored, 8 deflated; an .xlsx uses nothing else. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** The bytes are not a zip archive we can read (not a zip at all, truncated, zip64, encrypted). */
export class NotAnArchiveError extends Error {
  constructor(readonly reason: string) {
    super(`not a readable zip archive: ${reason}`);
    this.name = 'NotAnArchiveError';
  }
}

/** An entry inflates to more than its directory said: a forged header, refused as a bomb. */
export class InflatedSizeMismatchError extends Error {
  constructor(readonly entry: ArchiveEntry) {
    super(`entry ${entry.name} inflates beyond its declared ${entry.uncompressedSize} bytes`);
    this.name = 'InflatedSizeMismatchError';
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** Every entry of the central directory; throws NotAnArchiveError on anything else. */
export function readCentralDirectory(bytes: Buffer, maxEntries: number): ArchiveEntry[] {
  const eocd = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw new NotAnArchiveError('zip64');
  if (count > maxEntries) throw new TooManyEntriesError(count);
  if (offset + size > eocd) throw new NotAnArchiveError('directory outside the file');
  const entries: ArchiveEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || bytes.readUInt32LE(at) !== CENTRAL) throw new NotAnArchiveError('broken directory');
    const flags = bytes.readUInt16LE(at + 8);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: ArchiveEntry = {
      method: bytes.readUInt16LE(at + 10),
      compressedSize: bytes.readUInt32LE(at + 20),
      uncompressedSize: bytes.readUInt32LE(at + 24),
      localHeaderOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
    };
    if (flags & 0x1) throw new NotAnArchiveError('encrypted entry');
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff)
      throw new NotAnArchiveError('zip64');
    if (entry.method !== 0 && entry.method !== 8) throw new NotAnArchiveError(`compression method ${entry.method}`);
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize)
      throw new NotAnArchiveError('stored entry with two sizes');
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** More parts than any workbook has: refused from the count alone. */
export class TooManyEntriesError extends Error {
  constructor(readonly count: number) {
    super(`${count} entries`);
    this.name = 'TooManyEntriesError';
  }
}

/** The entry's compressed bytes, located through its local header. */
export function compressedData(bytes: Buffer, entry: ArchiveEntry): Buffer {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw new NotAnArchiveError('broken local header');
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new NotAnArchiveError('entry beyond the end of the file');
  return bytes.subarray(start, end);
}

/**
 * The whole entry, inflated with the output capped at its declared size: a forged directory
 * cannot make this allocate more than it admitted to.
 */
export function inflateEntry(bytes: Buffer, entry: ArchiveEntry): Buffer {
  const data = compressedData(bytes, entry);
  if (entry.method === 0) return data;
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new InflatedSizeMismatchError(entry);
    throw new NotAnArchiveError(`entry ${entry.name} does not inflate`);
  }
  if (out.length !== entry.uncompressedSize) throw new InflatedSizeMismatchError(entry);
  return out;
}

/**
 * The start of an entry, from at most `compressedBytes` of its data and at most `maxOutput`
 * bytes out: enough for the elements a part begins with (a worksheet's <dimension>), cheap
 * whatever the rest holds. Undefined when the start alone inflates beyond `maxOutput` (a
 * bomb's opening): the caller then learns nothing here and the full check decides.
 */
export function peekEntry(
  bytes: Buffer,
  entry: ArchiveEntry,
  compressedBytes: number,
  maxOutput: number,
): Buffer | undefined {
  const data = compressedData(bytes, entry).subarray(0, compressedBytes);
  if (entry.method === 0) return data.subarray(0, maxOutput);
  try {
    return inflateRawSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: maxOutput });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    throw new NotAnArchiveError(`entry ${entry.name} does not inflate`);
  }
}

function findEndOfDirectory(bytes: Buffer): number {
  if (bytes.length < EOCD_SIZE) throw new NotAnArchiveError('too short');
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - MAX_COMMENT);
  for (let at = bytes.length - EOCD_SIZE; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + EOCD_SIZE + bytes.readUInt16LE(at + 20) === bytes.length) return at;
  }
  throw new NotAnArchiveError('no end of central directory');
}
