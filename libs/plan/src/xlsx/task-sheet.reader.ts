/**
 * Reads an office's task list (附件3 layout) from .xlsx into PlanTasks. All or nothing: a sheet
 * with any problem yields no tasks, so a half-read list never reaches the workflow.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { PlanSystem, PlanTask } from '../plan.schema';
import { cellText } from './task-sheet.cells';
import { DEFAULT_SYSTEMS, TASK_COLUMNS, fieldOfHeader, squeeze, type TaskField } from './task-sheet.layout';
import { TaskSheetError, columnLetter, type TaskSheetProblem } from './task-sheet.problems';
import { readRows, type Header } from './task-sheet.rows';
import { verifyArchive } from './xlsx-limits';

export interface TaskSheetOptions {
  readonly sheetName?: string;
  /** Systems of the plan the sheet belongs to; defaults to A–D → 制度/技术/市场/监管体系建设. */
  readonly systems?: readonly PlanSystem[];
}

export interface TaskSheetResult {
  readonly sheet: string;
  readonly headerRow: number;
  readonly tasks: PlanTask[];
}

/** A title block above the header is common; a header further down than this is not looked for. */
const HEADER_SCAN_ROWS = 20;
/** Fewer matching headers than this is some other table, not a task list missing a column. */
const MIN_HEADER_FIELDS = 3;

/**
 * Rejects with a TaskSheetError listing every problem found, or a TaskSheetTooLargeError when
 * the file is beyond what a task sheet can be (checked before exceljs builds anything);
 * resolves only when there are none.
 */
export async function readTaskSheet(
  buffer: Buffer | ArrayBuffer,
  options: TaskSheetOptions = {},
): Promise<TaskSheetResult> {
  const workbook = await openWorkbook(buffer);
  const { sheet, header } = pickSheet(workbook, options.sheetName);
  const { tasks, problems } = readRows(sheet, header, options.systems ?? DEFAULT_SYSTEMS);
  if (problems.length > 0) throw new TaskSheetError(problems);
  return { sheet: sheet.name, headerRow: header.row, tasks };
}

async function openWorkbook(buffer: Buffer | ArrayBuffer): Promise<Workbook> {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer);
  verifyArchive(bytes);
  // Loaded on first use so that importing the plan library does not pull in exceljs.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  } catch (cause) {
    throw new TaskSheetError([fileProblem('文件无法作为 .xlsx 工作簿读取（是否为 .xls、.csv 或已损坏？）')], { cause });
  }
  return workbook;
}

function fileProblem(message: string, sheet: string | null = null): TaskSheetProblem {
  return { sheet, row: null, column: null, message };
}

function pickSheet(workbook: Workbook, sheetName: string | undefined): { sheet: Worksheet; header: Header } {
  const expected = `未找到任务清单表头（${TASK_COLUMNS.map((c) => c.title).join('、')}）`;
  if (sheetName !== undefined) {
    const sheet = workbook.worksheets.find((ws) => ws.name.trim() === sheetName.trim());
    if (!sheet) throw new TaskSheetError([fileProblem(`找不到工作表“${sheetName}”`, sheetName)]);
    const header = findHeader(sheet);
    if (!header) throw new TaskSheetError([fileProblem(expected, sheet.name)]);
    return { sheet, header };
  }
  const candidates = workbook.worksheets.flatMap((sheet) => {
    const header = findHeader(sheet);
    return header ? [{ sheet, header }] : [];
  });
  const complete = candidates.find((c) => c.header.columns.size === TASK_COLUMNS.length);
  // Without a complete header, the closest one is reported with its missing columns.
  const closest = [...candidates].sort((a, b) => b.header.columns.size - a.header.columns.size)[0];
  const chosen = complete ?? closest;
  if (!chosen) throw new TaskSheetError([fileProblem(expected, workbook.worksheets[0]?.name ?? null)]);
  return chosen;
}

function findHeader(sheet: Worksheet): Header | null {
  let best: Header | null = null;
  for (let row = 1; row <= Math.min(sheet.rowCount, HEADER_SCAN_ROWS); row++) {
    const columns = new Map<TaskField, { col: number; label: string }>();
    sheet.getRow(row).eachCell((cell, col) => {
      const text = squeeze(cellText(cell.value));
      const field = fieldOfHeader(text);
      if (field && !columns.has(field)) columns.set(field, { col, label: `${text} (${columnLetter(col)})` });
    });
    if (columns.size === TASK_COLUMNS.length) return { row, columns };
    if (columns.size >= MIN_HEADER_FIELDS && columns.size > (best?.columns.size ?? 0)) best = { row, columns };
  }
  return best;
}
