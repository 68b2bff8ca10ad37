import { Workbook, type CellValue } from 'exceljs';

export interface SheetSpec {
  readonly name: string;
  readonly rows: readonly (readonly CellValue[])[];
  /** Excel ranges such as "A1:F1"; the cells after the first are left empty, as Excel leaves them. */
  readonly merges?: readonly string[];
}

/** An .xlsx written the way an office would, cell by cell, independent of taskSheetFromPlan. */
export async function buildWorkbook(...sheets: readonly SheetSpec[]): Promise<Buffer> {
  const workbook = new Workbook();
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name);
    spec.rows.forEach((cells, i) => {
      cells.forEach((value, j) => {
        if (value !== null && value !== undefined) sheet.getCell(i + 1, j + 1).value = value;
      });
    });
    for (const range of spec.merges ?? []) sheet.mergeCells(range);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const HEADER = ['序号', '领域', '任务清单', '牵头单位', '配合单位', '时间'] as const;

/** A valid sheet in the plan's layout: title row 1, header row 2, heading row 3, tasks from row 4. */
export function standardRows(tasks: readonly (readonly CellValue[])[]): CellValue[][] {
  return [['附件3 重点任务清单'], [...HEADER], ['一、制度体系建设'], ...tasks.map((t) => [...t])];
}

export const VALID_TASKS: readonly (readonly CellValue[])[] = [
  ['A-1', '保障措施', '制定宣传方案', '无废办', '/', '2023'],
  ['A-2', '保障措施', '建立协调联动机制', '无废办', '/', '2023'],
  ['A-3', '专项行动方案', '落实基础设施建设规划', '连云生态环境局', '/', '2023-2025'],
  ['A-4', '专项行动方案', '落实碳达峰实施方案', '区经发局', '/', '2023-2025'],
  ['A-5', '专项行动方案', '落实生活垃圾治理实施方案', '区城管局', '连云生态环境局', '持续开展'],
];
