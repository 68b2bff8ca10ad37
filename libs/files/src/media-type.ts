import { open } from 'node:fs/promises';
import { extname } from 'node:path';
import { CFB_SIGNATURE, compoundFileEntries } from './compound-file';

/**
 * What a file is, from its bytes (magic numbers), never from the browser's claim (the name only
 * confirms a legacy CFB document's kind): a renamed program must not pass as a PDF. `file-type` does this well but is ESM-only since
 * v17, and this CommonJS service (and Jest without --experimental-vm-modules) cannot load it,
 * so the few formats the allow-list needs are recognised here.
 */
export const ALLOWED_MEDIA_TYPES = {
  pdf: 'application/pdf',
  jpeg: 'image/jpeg',
  png: 'image/png',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ofd: 'application/ofd',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
  wps: 'application/wps-office.wps',
  et: 'application/wps-office.et',
  dps: 'application/wps-office.dps',
} as const;

/**
 * Legacy Office and WPS files are Compound File (CFB) containers, as installers (.msi) are: one
 * is accepted when its name says a document kind and its streams hold that kind (WPS 文字/表格/演示
 * write Word/Excel/PowerPoint binary streams). A CFB named .exe, or an .msi named .doc, is refused.
 */
const LEGACY: Record<string, { readonly mediaType: string; readonly streams: readonly string[] }> = {
  '.doc': { mediaType: ALLOWED_MEDIA_TYPES.doc, streams: ['WordDocument'] },
  '.wps': { mediaType: ALLOWED_MEDIA_TYPES.wps, streams: ['WordDocument'] },
  '.xls': { mediaType: ALLOWED_MEDIA_TYPES.xls, streams: ['Workbook', 'Book'] },
  '.et': { mediaType: ALLOWED_MEDIA_TYPES.et, streams: ['Workbook', 'Book'] },
  '.ppt': { mediaType: ALLOWED_MEDIA_TYPES.ppt, streams: ['PowerPoint Document'] },
  '.dps': { mediaType: ALLOWED_MEDIA_TYPES.dps, streams: ['PowerPoint Document'] },
};

export type Detected =
  | { readonly allowed: true; readonly mediaType: string }
  | { readonly allowed: false; readonly kind: 'zip' | 'ole' | 'unknown' };

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP = Buffer.from('PK\x03\x04', 'latin1');

/**
 * `head`: the first bytes (at least 1 KiB when the file is that long); `entries`: the names in a
 * ZIP's central directory (OOXML and OFD are ZIP containers) or a CFB's directory; `name`: the
 * file's name, asked only of a CFB. A ZIP that is neither OOXML nor OFD (an archive) is refused.
 */
export function detectMediaType(head: Buffer, entries: readonly string[] = [], name = ''): Detected {
  // %PDF- may follow a little junk; readers accept it within the first 1024 bytes.
  if (head.subarray(0, 1024).includes('%PDF-')) return { allowed: true, mediaType: ALLOWED_MEDIA_TYPES.pdf };
  if (head.subarray(0, 8).equals(PNG)) return { allowed: true, mediaType: ALLOWED_MEDIA_TYPES.png };
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff)
    return { allowed: true, mediaType: ALLOWED_MEDIA_TYPES.jpeg };
  if (head.subarray(0, 4).equals(ZIP)) {
    const names = new Set(entries);
    const under = (prefix: string) => entries.some((n) => n.startsWith(prefix));
    if (names.has('[Content_Types].xml')) {
      if (under('word/')) return { allowed: true, mediaType: ALLOWED_MEDIA_TYPES.docx };
      if (under('xl/')) return { allowed: true, mediaType: ALLOWED_MEDIA_TYPES.xlsx };
      if (under('ppt/')) return { allowed: true, mediaType: ALLOWED_MEDIA_TYPES.pptx };
    }
    if (names.has('OFD.xml')) return { allowed: true, mediaType: ALLOWED_MEDIA_TYPES.ofd };
    return { allowed: false, kind: 'zip' };
  }
  if (head.subarray(0, 8).equals(CFB_SIGNATURE)) {
    const legacy = LEGACY[extname(name).toLowerCase()];
    const holds = legacy?.streams.some((stream) => entries.includes(stream));
    return legacy && holds ? { allowed: true, mediaType: legacy.mediaType } : { allowed: false, kind: 'ole' };
  }
  return { allowed: false, kind: 'unknown' };
}

/** Reads what detectMediaType needs from a file on disk: its head and a ZIP's or CFB's entry names. */
export async function detectFileMediaType(path: string, name = ''): Promise<Detected> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(size, 4096));
    await file.read(head, 0, head.length, 0);
    if (head.subarray(0, 4).equals(ZIP)) return detectMediaType(head, await zipEntryNames(file, size));
    if (head.subarray(0, 8).equals(CFB_SIGNATURE)) {
      const read = async (offset: number, length: number) => {
        const buffer = Buffer.alloc(length);
        await file.read(buffer, 0, length, offset);
        return buffer;
      };
      return detectMediaType(head, await compoundFileEntries(read, size), name);
    }
    return detectMediaType(head);
  } finally {
    await file.close();
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const MAX_DIRECTORY = 4 * 1024 * 1024;

/** The names of a ZIP's central directory; [] when the archive is malformed (then refused). */
async function zipEntryNames(file: import('node:fs/promises').FileHandle, size: number): Promise<string[]> {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of up to 64 KiB.
  const tailLength = Math.min(size, 22 + 0xffff);
  const tail = Buffer.alloc(tailLength);
  await file.read(tail, 0, tailLength, size - tailLength);
  let at = -1;
  for (let i = tailLength - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) return [];
  const directorySize = tail.readUInt32LE(at + 12);
  const directoryOffset = tail.readUInt32LE(at + 16);
  if (directorySize > MAX_DIRECTORY || directoryOffset + directorySize > size) return [];
  const directory = Buffer.alloc(directorySize);
  await file.read(directory, 0, directorySize, directoryOffset);
  const names: string[] = [];
  for (let i = 0; i + 46 <= directory.length && directory.readUInt32LE(i) === CENTRAL;) {
    const nameLength = directory.readUInt16LE(i + 28);
    const extra = directory.readUInt16LE(i + 30);
    const comment = directory.readUInt16LE(i + 32);
    names.push(directory.toString('utf8', i + 46, i + 46 + nameLength));
    i += 46 + nameLength + extra + comment;
  }
  return names;
}
