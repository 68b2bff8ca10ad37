import { readTaskSheet, TaskSheetError, TaskSheetTooLargeError } from './index';
import { deflatePart, deflateRepeated } from './testing/zip-writer';
import {
  bombSheet,
  farRowSheet,
  lastRowSheet,
  manyRowsSheet,
  notZip,
  packageWith,
  plainSheet,
  SHEET_PART,
  sheetHead,
} from './testing/hostile-sheets';
import { inspectArchive, verifyArchive, XLSX_LIMITS, type SheetLimit } from './xlsx-limits';

const TASK = ['A-1', '保障措施', '制定宣传方案', '无废办', '/', '2023'];

/** The limit that refused the file, from either stage. */
function limitOf(check: () => void): SheetLimit | string {
  try {
    check();
  } catch (error) {
    if (error instanceof TaskSheetTooLargeError) return error.details.limit;
    if (error instanceof TaskSheetError) return error.code;
    throw error;
  }
  return 'accepted';
}

const sheetOf = (body: string, dimension?: string) =>
  packageWith(deflatePart(SHEET_PART, `${sheetHead(dimension)}${body}</sheetData></worksheet>`));

describe('given an uploaded .xlsx beyond what a task sheet can be', () => {
  it('when its worksheet declares 25 MB uncompressed, then the directory alone refuses it (entry size)', async () => {
    const bomb = await bombSheet({ megabytes: 25 });
    expect(limitOf(() => inspectArchive(bomb))).toBe('entry');
    await expect(readTaskSheet(bomb)).rejects.toMatchObject({
      code: 'PLAN.SHEET_TOO_LARGE',
      message: expect.stringContaining('超过单个部件上限 20 MB'),
    });
  });

  it('when a part inflates far more than 100:1, then the ratio is refused even within the sizes', async () => {
    const part = await deflateRepeated(
      SHEET_PART,
      sheetHead('A1:F1'),
      Buffer.alloc(1024 * 1024, 0x20),
      5,
      '</sheetData></worksheet>',
    );
    expect(limitOf(() => inspectArchive(packageWith(part)))).toBe('ratio');
  });

  it('when the directory lies about the size (a forged bomb), then inflating stops at the declared size', async () => {
    const forged = await bombSheet({ megabytes: 25, forged: true });
    expect(limitOf(() => inspectArchive(forged))).toBe('accepted');
    expect(limitOf(() => verifyArchive(forged))).toBe('forged');
  });

  it.each([
    ['a cell at row 400,000', farRowSheet],
    ["a blank cell on Excel's last row", lastRowSheet],
    ['30,000 rows', (dim: boolean) => manyRowsSheet(30_000, dim)],
  ])('when it has %s, then the declared dimension refuses it, and without one the scan does', (_, make) => {
    expect(limitOf(() => inspectArchive(make(true)))).toBe('rows');
    expect(limitOf(() => inspectArchive(make(false)))).toBe('accepted');
    expect(limitOf(() => verifyArchive(make(false)))).toBe('rows');
  });

  it('when a cell is in column 65 (BM), then columns are refused; when it has 60,000 cells, cells are', () => {
    expect(limitOf(() => verifyArchive(sheetOf('<row r="2"><c r="BM2"><v>1</v></c></row>')))).toBe('columns');
    expect(limitOf(() => inspectArchive(sheetOf('', 'A1:BM2')))).toBe('columns');
    const cells = (r: number) => Array.from({ length: 60 }, (_, c) => `<c><v>${r * c}</v></c>`).join('');
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 2}">${cells(i)}</row>`);
    expect(limitOf(() => verifyArchive(sheetOf(rows.join(''))))).toBe('cells');
  });

  it('when it is no zip at all, then it is the usual 400 problem naming the file', async () => {
    await expect(readTaskSheet(notZip())).rejects.toMatchObject({
      code: 'PLAN.INVALID',
      problems: [{ sheet: null, message: expect.stringContaining('无法作为 .xlsx 工作簿读取') }],
    });
  });

  it('names the tab the office sees in the message, not the part', () => {
    expect(() => inspectArchive(farRowSheet())).toThrow('工作表“附件3”用到第 400000 行，超过上限 2000 行');
  });
});

describe('given a sheet within the limits', () => {
  it('when it has the maximum number of rows, then it passes both stages and exceljs reads it', async () => {
    const tasks = Array.from({ length: XLSX_LIMITS.maxRows - 1 }, (_, i) => [`A-${i + 1}`, ...TASK.slice(1)]);
    const file = plainSheet(tasks);
    expect(limitOf(() => verifyArchive(file))).toBe('accepted');
    expect((await readTaskSheet(file)).tasks).toHaveLength(XLSX_LIMITS.maxRows - 1);
  });

  it('when written by exceljs itself (the office template), then the ratios and sizes pass', async () => {
    const { taskSheetFromPlan } = await import('./index');
    const { loadLianyunPlan } = await import('../load-plan');
    const file = await taskSheetFromPlan(loadLianyunPlan());
    expect(limitOf(() => verifyArchive(file))).toBe('accepted');
  });
});
