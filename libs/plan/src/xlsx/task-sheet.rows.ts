/**
 * The rows below a task sheet's header: heading rows set the system, data rows become tasks,
 * and every cell that cannot be trusted becomes a problem naming its row and column.
 */
import type { Row } from 'exceljs';
import type { PlanSystem, PlanTask } from '../plan.schema';
import type { SystemName } from '../plan.vocabulary';
import { parseTimeWindow } from '../time-window';
import { NO_UNIT, parseUnitList } from '../unit-list';
import { cellDefect, cellText } from './task-sheet.cells';
import { TASK_CODE, TASK_COLUMNS, looksLikeHeading, systemOfHeading, type TaskField } from './task-sheet.layout';
import type { TaskSheetProblem } from './task-sheet.problems';

export interface Header {
  readonly row: number;
  /** Column number and header label ("牵头单位 (D)") of each field found. */
  readonly columns: ReadonlyMap<TaskField, { readonly col: number; readonly label: string }>;
}

interface SheetRows {
  readonly name: string;
  readonly rowCount: number;
  getRow(row: number): Row;
}

/** What earlier rows decide for later ones. */
interface Context {
  readonly header: Header;
  readonly systems: readonly PlanSystem[];
  heading: PlanSystem | null;
  /** Merged 领域 cells leave later rows empty: the area above carries on within one system. */
  area: { system: SystemName | null; value: string };
  readonly seen: Map<string, number>;
}

type Report = (field: TaskField, message: string) => void;

export function readRows(
  sheet: SheetRows,
  header: Header,
  systems: readonly PlanSystem[],
): { tasks: PlanTask[]; problems: TaskSheetProblem[] } {
  // Column numbers ride along so each row's problems can be listed left to right.
  const found: { col: number; problem: TaskSheetProblem }[] = [];
  for (const column of TASK_COLUMNS) {
    if (header.columns.has(column.field)) continue;
    found.push({
      col: 0,
      problem: { sheet: sheet.name, row: header.row, column: column.title, message: `缺少“${column.title}”列` },
    });
  }
  const context: Context = { header, systems, heading: null, area: { system: null, value: '' }, seen: new Map() };
  const tasks: PlanTask[] = [];
  for (let row = header.row + 1; row <= sheet.rowCount; row++) {
    // A missing column was reported once above; its cells are not reported again on every row.
    const report: Report = (field, message) => {
      const column = header.columns.get(field);
      if (column) found.push({ col: column.col, problem: { sheet: sheet.name, row, column: column.label, message } });
    };
    const task = readRow(sheet.getRow(row), row, context, report);
    if (task) tasks.push(task);
  }
  found.sort((a, b) => (a.problem.row ?? 0) - (b.problem.row ?? 0) || a.col - b.col);
  return { tasks, problems: found.map((f) => f.problem) };
}

function readRow(cells: Row, row: number, context: Context, report: Report): PlanTask | null {
  const { header, systems } = context;
  const text = new Map<TaskField, string>();
  const defects = new Set<TaskField>();
  for (const [field, { col }] of header.columns) {
    const value = cells.getCell(col).value;
    text.set(field, cellText(value));
    const defect = cellDefect(value);
    if (defect) {
      defects.add(field);
      report(field, defect);
    }
  }
  const get = (field: TaskField): string => text.get(field) ?? '';
  const filled = [...text.values()].filter((v) => v !== '');
  if (filled.length === 0) return null;
  if (readHeading(filled, context, get, report)) return null;
  // A cell already reported as defective is not reported again for what its text lacks.
  const check = (field: TaskField, ok: boolean, message: string): void => {
    if (!ok && !defects.has(field)) report(field, message);
  };

  const code = get('code');
  const match = TASK_CODE.exec(code);
  check('code', code !== '', '序号不能为空');
  check('code', code === '' || match !== null, `序号“${code}”应形如 A-1`);
  const firstRow = context.seen.get(code);
  check('code', firstRow === undefined, `序号“${code}”重复（第 ${firstRow} 行已使用）`);
  if (match && firstRow === undefined) context.seen.set(code, row);

  const { heading } = context;
  const letter = match?.[1];
  const byLetter = systems.find((s) => s.code === letter);
  check(
    'code',
    !letter || !heading || letter === heading.code,
    `序号“${code}”的字母与所属体系“${heading?.name}”（${heading?.code}）不符`,
  );
  check('code', !letter || heading !== null || byLetter !== undefined, `序号“${code}”的字母不对应任何体系`);
  const system = heading?.name ?? byLetter?.name;

  if (context.area.system !== system) context.area = { system: system ?? null, value: '' };
  if (get('area') !== '') context.area.value = get('area');
  check('area', context.area.value !== '', '领域不能为空');

  check('text', get('text') !== '', '任务清单不能为空');
  const lead = parseUnitList(get('lead'));
  check('lead', get('lead') !== '', '牵头单位不能为空');
  check('lead', get('lead') === '' || lead.names.length > 0, `牵头单位“${get('lead')}”未列出任何单位`);
  const cooperating = parseUnitList(get('cooperating'));
  check('cooperating', get('cooperating') !== '', `配合单位不能为空（没有配合单位请填“${NO_UNIT}”）`);
  const window = parseTimeWindow(get('window'));
  check('window', get('window') !== '', '时间不能为空');
  check('window', get('window') === '' || window.ok, window.ok ? '' : window.error.message);

  // Without a system a problem was reported above, so the sheet is refused anyway.
  if (system === undefined) return null;
  return {
    code,
    system,
    area: context.area.value,
    text: get('text'),
    lead: lead.names,
    leadRaw: lead.raw,
    leadOpenEnded: lead.openEnded,
    cooperating: cooperating.names,
    cooperatingRaw: cooperating.raw,
    cooperatingOpenEnded: cooperating.openEnded,
    window: get('window'),
  };
}

/**
 * A heading row holds one text across the row (merged cells all read the master's text). A
 * numbered heading naming no known system is reported, not read as a task. True when consumed.
 */
function readHeading(
  filled: readonly string[],
  context: Context,
  get: (f: TaskField) => string,
  report: Report,
): boolean {
  const only = new Set(filled).size === 1 ? filled[0] : undefined;
  if (only === undefined || TASK_CODE.test(only)) return false;
  const system = systemOfHeading(only, context.systems);
  if (!system && !looksLikeHeading(only)) return false;
  context.heading = system;
  if (!system) {
    const leftmost = [...context.header.columns]
      .sort((a, b) => a[1].col - b[1].col)
      .find(([field]) => get(field) === only);
    if (leftmost) report(leftmost[0], `无法识别的体系标题“${only}”`);
  }
  return true;
}
