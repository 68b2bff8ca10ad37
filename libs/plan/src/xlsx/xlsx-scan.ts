/**
 * Counting what a worksheet uses without building it: one regular-expression pass over the
 * XML finds every <row> and <c> start tag (prefixed or not) and their `r` references. A row
 * or cell without `r` follows the previous one, as the format says.
 */
import { inflateEntry, type ArchiveEntry } from './xlsx-archive';

export interface SheetExtent {
  /** The highest row number used. */
  readonly lastRow: number;
  /** How many <row> elements there are. */
  readonly rows: number;
  readonly lastColumn: number;
  readonly cells: number;
}

const START_TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c)(?=[\s/>])([^>]*)>/g;
const REFERENCE = /\sr\s*=\s*["']\$?([A-Z]{0,3})\$?(\d*)["']/;

export function scanWorksheet(xml: Buffer): SheetExtent {
  const text = xml.toString('latin1');
  let lastRow = 0;
  let rows = 0;
  let lastColumn = 0;
  let cells = 0;
  let row = 0;
  let column = 0;
  for (const match of text.matchAll(START_TAG)) {
    const ref = REFERENCE.exec(match[2]!);
    if (match[1] === 'row') {
      rows++;
      row = ref?.[2] ? Number(ref[2]) : row + 1;
      column = 0;
      lastRow = Math.max(lastRow, row);
    } else {
      cells++;
      column = ref?.[1] ? columnNumber(ref[1]) : column + 1;
      lastColumn = Math.max(lastColumn, column);
      if (ref?.[2]) lastRow = Math.max(lastRow, Number(ref[2]));
    }
  }
  return { lastRow, rows, lastColumn, cells };
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

/** Small parts only: the workbook and its relationships name the sheets. */
const NAMING_PART_MAX_BYTES = 1024 * 1024;

/**
 * Worksheet part → the sheet's name as Excel shows it ("xl/worksheets/sheet1.xml" → "附件3"),
 * so a refusal names the tab the office sees. Empty when the parts cannot be read: the
 * messages then name the part.
 */
export function sheetNames(bytes: Buffer, entries: readonly ArchiveEntry[]): Map<string, string> {
  const names = new Map<string, string>();
  const workbook = smallPart(bytes, entries, 'xl/workbook.xml');
  const rels = smallPart(bytes, entries, 'xl/_rels/workbook.xml.rels');
  if (!workbook || !rels) return names;
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const tag of workbook.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) {
    const name = attribute(tag, 'name');
    const id = /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(tag)?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name && target) names.set(target, unescapeXml(name));
  }
  return names;
}

function smallPart(bytes: Buffer, entries: readonly ArchiveEntry[], name: string): string | undefined {
  const entry = entries.find((e) => e.name === name);
  if (!entry || entry.uncompressedSize > NAMING_PART_MAX_BYTES) return undefined;
  try {
    return inflateEntry(bytes, entry).toString('utf8');
  } catch {
    return undefined;
  }
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1];
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
