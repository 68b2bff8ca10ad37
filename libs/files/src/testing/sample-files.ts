import { crc32 } from 'node:zlib';

/** A minimal stored (uncompressed) ZIP with these entries, enough for a reader of its directory. */
export function zipOf(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8');
    const data = Buffer.from(text, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const FREE = 0xffffffff;
const END_OF_CHAIN = 0xfffffffe;

/**
 * A minimal valid Compound File (MS-CFB version 3, 512-byte sectors) whose root storage holds
 * these empty streams: sector 0 is the FAT, the directory follows in as many sectors as needed.
 * Legacy .doc/.xls/.ppt files are this container with their own streams (WordDocument…).
 */
export function compoundFileOf(streams: readonly string[]): Buffer {
  const entries = ['Root Entry', ...streams];
  const directorySectors = Math.ceil(entries.length / 4);
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24);
  header.writeUInt16LE(3, 26);
  header.writeUInt16LE(0xfffe, 28);
  header.writeUInt16LE(9, 30);
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(1, 44);
  header.writeUInt32LE(1, 48);
  header.writeUInt32LE(4096, 56);
  header.writeUInt32LE(END_OF_CHAIN, 60);
  header.writeUInt32LE(END_OF_CHAIN, 68);
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 76 + 4 * i);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  for (let s = 1; s <= directorySectors; s++) fat.writeUInt32LE(s === directorySectors ? END_OF_CHAIN : s + 1, 4 * s);
  const directory = Buffer.alloc(512 * directorySectors);
  // Unused entries link nowhere (NOSTREAM), as the format asks.
  for (let at = entries.length * 128; at < directory.length; at += 128) directory.fill(0xff, at + 68, at + 80);
  entries.forEach((name, i) => {
    const at = i * 128;
    const encoded = Buffer.from(`${name}\0`, 'utf16le');
    encoded.copy(directory, at);
    directory.writeUInt16LE(encoded.length, at + 64);
    directory[at + 66] = i === 0 ? 5 : 2;
    directory[at + 67] = 1;
    // The streams hang off the root as a chain of right siblings (a valid, if lopsided, tree).
    directory.writeUInt32LE(FREE, at + 68);
    directory.writeUInt32LE(i === 0 || i === entries.length - 1 ? FREE : i + 1, at + 72);
    directory.writeUInt32LE(i === 0 && entries.length > 1 ? 1 : FREE, at + 76);
    directory.writeUInt32LE(END_OF_CHAIN, at + 116);
  });
  return Buffer.concat([header, fat, directory]);
}

export const SAMPLE = {
  pdf: () => Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'),
  png: () =>
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR....')]),
  jpeg: () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF\0')]),
  /** A Windows program: what a renamed .exe really is. */
  exe: () =>
    Buffer.concat([Buffer.from('MZ'), Buffer.alloc(62), Buffer.from('This program cannot be run in DOS mode')]),
  docx: () => zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }),
  xlsx: () => zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
  ofd: () => zipOf({ 'OFD.xml': '<ofd:OFD/>', 'Doc_0/Document.xml': '<ofd:Document/>' }),
  zip: () => zipOf({ 'readme.txt': 'hello', 'setup.exe': 'MZ' }),
  doc: () => compoundFileOf(['1Table', 'WordDocument', '\u0005SummaryInformation']),
  xls: () => compoundFileOf(['Workbook', '\u0005SummaryInformation']),
  ppt: () => compoundFileOf(['PowerPoint Document', 'Current User', 'Pictures', '\u0005SummaryInformation']),
  /** An installer: a CFB too, with none of a document's streams. */
  msi: () => compoundFileOf(['\u4840\u3f3f\u4577\u446c', '\u0005SummaryInformation']),
};
