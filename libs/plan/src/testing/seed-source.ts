import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The plan text the JSON was transcribed from, kept beside the data so tests can prove the
 * transcription verbatim without a path outside the repository.
 */
export const SEED_TEXT = readFileSync(
  join(__dirname, '../../data/source/lianyun-zero-waste-city-plan-2022-2025.txt'),
  'utf8',
);
export const SEED_LINES: readonly string[] = SEED_TEXT.split('\n');

/** Cells of the table row starting at a 1-based line: tab-led lines up to the blank line. */
export function rowCells(firstLine: number): string[] {
  const cells: string[] = [];
  for (let i = firstLine - 1; i < SEED_LINES.length; i++) {
    const line = SEED_LINES[i] ?? '';
    // A blank line ends the row; so does a paragraph (leading space), e.g. the next table's title.
    if ((!line.startsWith('\t') && line.trim() === '') || line.startsWith(' ')) break;
    // A line without a leading tab continues the previous cell (multi-line duty texts).
    if (line.startsWith('\t') || cells.length === 0) cells.push(line.replace(/^\t/, '').trim());
    else cells[cells.length - 1] += `\n${line.trim()}`;
  }
  return cells;
}

export function seedContains(text: string): boolean {
  return SEED_LINES.some((line) => line.includes(text));
}
