/**
 * Writes a plan's tasks in the 附件3 layout: a template an office can fill in and upload, and the
 * reader's round-trip partner.
 */
import type { Plan } from '../plan.schema';
import { TASK_COLUMNS, type TaskField } from './task-sheet.layout';
import { sanitizeWorkbookText } from './xml-text';

export const TASK_SHEET_NAME = '任务清单';

const WIDTHS: Readonly<Record<TaskField, number>> = {
  code: 8,
  area: 16,
  text: 60,
  lead: 24,
  cooperating: 32,
  window: 12,
};

export async function taskSheetFromPlan(plan: Plan): Promise<Buffer> {
  // Loaded on first use so that importing the plan library does not pull in exceljs.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(TASK_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.columns = TASK_COLUMNS.map((c) => ({
    width: WIDTHS[c.field],
    // Text format keeps 2023 typed into the template as the text "2023", as the plan writes it.
    style: { numFmt: '@', alignment: { vertical: 'middle', wrapText: true } },
  }));
  const lastColumn = TASK_COLUMNS.length;

  const title = sheet.addRow([`${plan.title} 重点任务清单`]);
  sheet.mergeCells(title.number, 1, title.number, lastColumn);
  title.font = { bold: true, size: 14 };
  sheet.addRow(TASK_COLUMNS.map((c) => c.title)).font = { bold: true };

  let system: string | null = null;
  // Plan order is kept; a heading row goes in wherever the system changes, as in 附件3.
  for (const task of plan.tasks) {
    if (task.system !== system) {
      system = task.system;
      const heading = sheet.addRow([plan.systems.find((s) => s.name === task.system)?.heading ?? task.system]);
      sheet.mergeCells(heading.number, 1, heading.number, lastColumn);
      heading.font = { bold: true };
    }
    // 领域 is written on every row rather than merged, so an office can sort or filter the sheet.
    sheet.addRow(TASK_COLUMNS.map((c) => c.of(task)));
  }
  sanitizeWorkbookText(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
