/**
 * The stream names of a Compound File Binary container (MS-CFB: legacy .doc/.xls/.ppt and WPS'
 * .wps/.et/.dps, but also installers' .msi). The names say what the container holds — a Word
 * document has a `WordDocument` stream, a workbook `Workbook` — so an .msi renamed to .doc is
 * still told apart. Only the header, the FAT sectors the header lists and the directory chain
 * are read (bounded); nothing else of the file.
 */
export const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

const END_OF_CHAIN = 0xfffffffe;
const ENTRY = 128;
/** 256 directory sectors hold at least 1,024 entries: far more than any document has. */
const MAX_DIRECTORY_SECTORS = 256;

/** The names of the container's streams and storages; [] when it is not a well-formed CFB. */
export async function compoundFileEntries(read: ReadAt, size: number): Promise<string[]> {
  if (size < 512) return [];
  const header = await read(0, 512);
  if (!header.subarray(0, 8).equals(CFB_SIGNATURE) || header.readUInt16LE(28) !== 0xfffe) return [];
  const shift = header.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return [];
  const sectorSize = 1 << shift;
  const offsetOf = (sector: number) => (sector + 1) * sectorSize;
  // The FAT sectors the header lists (109 of them cover 7 MB at 512-byte sectors, 448 MB at
  // 4 KiB); a directory sector beyond them is not followed (the file is then refused).
  const fatSectors: number[] = [];
  const fatCount = Math.min(header.readUInt32LE(44), 109);
  for (let i = 0; i < fatCount; i++) fatSectors.push(header.readUInt32LE(76 + 4 * i));
  const perFatSector = sectorSize / 4;
  const fatCache = new Map<number, Buffer>();
  const next = async (sector: number): Promise<number | undefined> => {
    const fatSector = fatSectors[Math.floor(sector / perFatSector)];
    if (fatSector === undefined || offsetOf(fatSector) + sectorSize > size) return undefined;
    let fat = fatCache.get(fatSector);
    if (!fat) fatCache.set(fatSector, (fat = await read(offsetOf(fatSector), sectorSize)));
    return fat.readUInt32LE((sector % perFatSector) * 4);
  };
  const names: string[] = [];
  let sector: number | undefined = header.readUInt32LE(48);
  for (let n = 0; n < MAX_DIRECTORY_SECTORS && sector !== undefined && sector !== END_OF_CHAIN; n++) {
    if (offsetOf(sector) + sectorSize > size) return [];
    const directory = await read(offsetOf(sector), sectorSize);
    for (let at = 0; at + ENTRY <= directory.length; at += ENTRY) {
      const length = directory.readUInt16LE(at + 64);
      const type = directory[at + 66];
      // Entry 0 is the root; unused entries have type 0 and no name.
      if (length < 2 || length > 64 || type === 0) continue;
      names.push(directory.toString('utf16le', at, at + length - 2));
    }
    sector = await next(sector);
  }
  return names;
}
