/**
 * What is wrong with an uploaded task sheet, said so that the office that filled it in can find
 * the cell: sheet, Excel row number and column ("牵头单位 (D)"), with a Chinese message.
 */
export interface TaskSheetProblem {
  /** Null when the file could not be opened at all. */
  readonly sheet: string | null;
  /** 1-based row as Excel shows it; the header row for a missing column. */
  readonly row: number | null;
  /** Header text and letter ("牵头单位 (D)"); the bare header name when the column is missing. */
  readonly column: string | null;
  readonly message: string;
}

/** Every problem of a sheet at once, so an office fixes the file in one pass, not one error per upload. */
export class TaskSheetError extends Error {
  /** Same stable code as PlanSchemaError: a bad upload is a bad plan input (HTTP 400 in the api). */
  readonly code = 'PLAN.INVALID';
  constructor(
    readonly problems: readonly TaskSheetProblem[],
    options?: ErrorOptions,
  ) {
    super(`任务清单表格有 ${problems.length} 处问题：${problems.map(describeProblem).join('；')}`, options);
    this.name = 'TaskSheetError';
  }
  /** The api's error body passes `details` through, so a client can mark each cell. */
  get details(): readonly TaskSheetProblem[] {
    return this.problems;
  }
}

export function describeProblem(problem: TaskSheetProblem): string {
  const where = [
    problem.sheet === null ? '' : `工作表“${problem.sheet}”`,
    problem.row === null ? '' : `第 ${problem.row} 行`,
    problem.column === null ? '' : `“${problem.column}”列`,
  ].filter((part) => part !== '');
  return where.length === 0 ? problem.message : `${where.join('')}：${problem.message}`;
}

/** 1 → "A", 27 → "AA": the letter Excel shows above the column. */
export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
