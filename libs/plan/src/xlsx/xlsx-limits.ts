/**
 * What an uploaded .xlsx may cost before exceljs sees it. exceljs builds an object per row up
 * to the last one used, so a 4 KB file with one cell at row 1,048,576 costs gigabytes; a
 * zip bomb costs whatever it inflates to. Two stages:
 * - `inspectArchive`: the central directory (declared sizes, ratios, part count) and the
 *   first bytes of each worksheet (its declared <dimension>) — cheap enough for the event loop;
 * - `verifyArchive`: every part inflated with its output capped at its declared size, and
 *   every worksheet's rows, columns and cells counted — run where a runaway costs nothing
 *   (the api runs it in a worker thread with memory and time limits).
 */
import { TaskSheetError, columnLetter } from './task-sheet.problems';
import {
  InflatedSizeMismatchError,
  NotAnArchiveError,
  TooManyEntriesError,
  inflateEntry,
  peekEntry,
  readCentralDirectory,
  type ArchiveEntry,
} from './xlsx-archive';
import { scanWorksheet, sheetNames, type SheetExtent } from './xlsx-scan';

const MiB = 1024 * 1024;

export const XLSX_LIMITS = {
  /** Parts in the archive (Apache POI's default, too). */
  maxEntries: 1000,
  maxTotalUncompressedBytes: 40 * MiB,
  maxEntryUncompressedBytes: 20 * MiB,
  /** Uncompressed : compressed, checked once a part is past the grace size (POI: 100:1 after 100 KB). */
  maxCompressionRatio: 100,
  ratioGraceBytes: 100 * 1024,
  /** Highest row number used (values or formats) in any worksheet; a task list has ~40. */
  maxRows: 2000,
  maxColumns: 64,
  maxCells: 50_000,
} as const;

export type XlsxLimits = { readonly [K in keyof typeof XLSX_LIMITS]: number };

/** Which limit refused the file; `time` and `memory` are the api's worker limits. */
export type SheetLimit =
  'entries' | 'total' | 'entry' | 'ratio' | 'forged' | 'rows' | 'columns' | 'cells' | 'time' | 'memory';

/** The file is larger or more complex than a task sheet can be: HTTP 413, nothing imported. */
export class TaskSheetTooLargeError extends Error {
  readonly code = 'PLAN.SHEET_TOO_LARGE';
  constructor(
    message: string,
    readonly details: { readonly limit: SheetLimit; readonly found: number; readonly allowed: number },
  ) {
    super(message);
    this.name = 'TaskSheetTooLargeError';
  }
}

const NOT_XLSX = '文件无法作为 .xlsx 工作簿读取（是否为 .xls、.csv 或已损坏？）';
const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** A worksheet's <dimension> comes within its first few hundred bytes. */
const PEEK_COMPRESSED_BYTES = 2048;
const PEEK_MAX_OUTPUT = 64 * 1024;

/** Stage 1: refuses from the directory and the worksheets' declared extent; returns the entries. */
export function inspectArchive(bytes: Buffer, limits: XlsxLimits = XLSX_LIMITS): ArchiveEntry[] {
  const entries = archiveEntries(bytes, limits);
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    if (entry.uncompressedSize > limits.maxEntryUncompressedBytes)
      throw tooLarge('entry', entry.uncompressedSize, limits.maxEntryUncompressedBytes, (f, a) => {
        return `文件中的“${entry.name}”解压后 ${mb(f)} MB，超过单个部件上限 ${mb(a)} MB`;
      });
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > limits.ratioGraceBytes && ratio > limits.maxCompressionRatio)
      throw tooLarge('ratio', Math.round(ratio), limits.maxCompressionRatio, (f, a) => {
        return `文件中的“${entry.name}”压缩比约 ${f}:1，超过上限 ${a}:1（疑似压缩炸弹）`;
      });
  }
  if (total > limits.maxTotalUncompressedBytes)
    throw tooLarge('total', total, limits.maxTotalUncompressedBytes, (f, a) => {
      return `文件解压后共 ${mb(f)} MB，超过上限 ${mb(a)} MB`;
    });
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw new TaskSheetError([fileProblem(NOT_XLSX)]);
  const names = sheetNames(bytes, entries);
  for (const entry of entries.filter((e) => WORKSHEET.test(e.name))) {
    const start = peek(bytes, entry);
    const declared = start === undefined ? undefined : declaredExtent(start);
    if (declared) checkExtent(names.get(entry.name) ?? entry.name, declared, limits);
  }
  return entries;
}

/** Stage 2: every part inflates to exactly its declared size; every worksheet is within limits. */
export function verifyArchive(bytes: Buffer, limits: XlsxLimits = XLSX_LIMITS): void {
  const entries = inspectArchive(bytes, limits);
  const names = sheetNames(bytes, entries);
  for (const entry of entries) {
    let data: Buffer;
    try {
      data = inflateEntry(bytes, entry);
    } catch (error) {
      if (error instanceof InflatedSizeMismatchError)
        throw tooLarge('forged', entry.uncompressedSize, entry.uncompressedSize, () => {
          return `文件中的“${entry.name}”实际解压大小与声明不符（疑似伪造的压缩包）`;
        });
      throw new TaskSheetError([fileProblem(NOT_XLSX)], { cause: error });
    }
    if (WORKSHEET.test(entry.name)) checkExtent(names.get(entry.name) ?? entry.name, scanWorksheet(data), limits);
  }
}

function archiveEntries(bytes: Buffer, limits: XlsxLimits): ArchiveEntry[] {
  try {
    return readCentralDirectory(bytes, limits.maxEntries);
  } catch (error) {
    if (error instanceof TooManyEntriesError)
      throw tooLarge('entries', error.count, limits.maxEntries, (f, a) => `文件包含 ${f} 个部件，超过上限 ${a} 个`);
    if (error instanceof NotAnArchiveError) throw new TaskSheetError([fileProblem(NOT_XLSX)], { cause: error });
    throw error;
  }
}

function peek(bytes: Buffer, entry: ArchiveEntry): string | undefined {
  try {
    return peekEntry(bytes, entry, PEEK_COMPRESSED_BYTES, PEEK_MAX_OUTPUT)?.toString('latin1');
  } catch (error) {
    throw new TaskSheetError([fileProblem(NOT_XLSX)], { cause: error });
  }
}

/** The extent a worksheet declares in `<dimension ref="A1:F40"/>`, if it says one. */
export function declaredExtent(xmlStart: string): SheetExtent | undefined {
  const ref = /<(?:[A-Za-z_][\w.-]*:)?dimension\s[^>]*\bref=["']([^"']*)["']/.exec(xmlStart)?.[1];
  const last = ref?.split(':').at(-1);
  const match = last ? /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(last) : null;
  if (!match) return undefined;
  const column = [...match[1]!].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { lastRow: Number(match[2]), rows: Number(match[2]), lastColumn: column, cells: 0 };
}

function checkExtent(sheet: string, extent: SheetExtent, limits: XlsxLimits): void {
  const row = Math.max(extent.lastRow, extent.rows);
  if (row > limits.maxRows)
    throw tooLarge('rows', row, limits.maxRows, (f, a) => {
      return `工作表“${sheet}”用到第 ${f} 行，超过上限 ${a} 行（请删除表格下方多余的行，包括空白但设置了格式的行）`;
    });
  if (extent.lastColumn > limits.maxColumns)
    throw tooLarge('columns', extent.lastColumn, limits.maxColumns, (f, a) => {
      return `工作表“${sheet}”用到第 ${f} 列（${columnLetter(f)} 列），超过上限 ${a} 列（${columnLetter(a)} 列）`;
    });
  if (extent.cells > limits.maxCells)
    throw tooLarge('cells', extent.cells, limits.maxCells, (f, a) => {
      return `工作表“${sheet}”有 ${f} 个单元格，超过上限 ${a} 个`;
    });
}

function tooLarge(
  limit: SheetLimit,
  found: number,
  allowed: number,
  message: (found: number, allowed: number) => string,
): TaskSheetTooLargeError {
  return new TaskSheetTooLargeError(message(found, allowed), { limit, found, allowed });
}

function fileProblem(message: string) {
  return { sheet: null, row: null, column: null, message };
}

function mb(bytes: number): string {
  return (bytes / MiB).toFixed(bytes < 10 * MiB ? 1 : 0);
}
