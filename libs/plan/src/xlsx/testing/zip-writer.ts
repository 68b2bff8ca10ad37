/**
 * A minimal zip writer for hostile test files: it writes whatever sizes it is told, so a test
 * can forge a central directory. Deflate and CRC-32 come from zlib's gzip in one native pass
 * (a gzip member is raw deflate plus the CRC-32), so even a 300 MB part streams in bounded memory.
 */
import { createGzip, gzipSync } from 'node:zlib';

export interface ZipPart {
  readonly name: string;
  /** Raw deflate data. */
  readonly deflated: Buffer;
  readonly crc32: number;
  readonly size: number;
  /** What the directory says instead of `size` (a forged header). */
  readonly declaredSize?: number;
}

export function deflatePart(name: string, content: Buffer | string): ZipPart {
  const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return fromGzip(name, gzipSync(data), data.length);
}

/** A part made of `count` repetitions of `chunk` between a head and a tail, never held whole. */
export async function deflateRepeated(
  name: string,
  head: string,
  chunk: Buffer,
  count: number,
  tail: string,
): Promise<ZipPart> {
  const gzip = createGzip({ level: 9 });
  const out: Buffer[] = [];
  gzip.on('data', (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => gzip.on('end', resolve).on('error', reject));
  const write = (b: Buffer) =>
    new Promise<void>((resolve) => (gzip.write(b) ? resolve() : gzip.once('drain', resolve)));
  await write(Buffer.from(head));
  for (let i = 0; i < count; i++) await write(chunk);
  await write(Buffer.from(tail));
  gzip.end();
  await done;
  return fromGzip(name, Buffer.concat(out), Buffer.byteLength(head) + chunk.length * count + Buffer.byteLength(tail));
}

function fromGzip(name: string, gz: Buffer, size: number): ZipPart {
  // Node writes a 10-byte gzip header (no name, no extra) and an 8-byte trailer: CRC-32, size.
  return { name, deflated: gz.subarray(10, gz.length - 8), crc32: gz.readUInt32LE(gz.length - 8), size };
}

export function zip(parts: readonly ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const size = part.declaredSize ?? part.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(part.crc32, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, part.deflated);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(part.crc32, 16);
    entry.writeUInt32LE(part.deflated.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    offset += 30 + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
