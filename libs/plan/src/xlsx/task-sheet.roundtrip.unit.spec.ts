import { Workbook } from 'exceljs';
import { loadLianyunPlan } from '../index';
import { TASK_SHEET_NAME, readTaskSheet, taskSheetFromPlan } from './index';

describe('given the Lianyun plan written with taskSheetFromPlan', () => {
  const plan = loadLianyunPlan();
  const written = taskSheetFromPlan(plan);

  describe('when the sheet is read back', () => {
    it('then the 34 tasks equal the plan’s tasks field for field, except sourceLine', async () => {
      const result = await readTaskSheet(await written);

      const expected = plan.tasks.map(({ sourceLine: _sourceLine, ...task }) => task);
      expect(result.tasks).toHaveLength(34);
      expect(result.tasks).toEqual(expected);
      expect(result).toMatchObject({ sheet: TASK_SHEET_NAME, headerRow: 2 });
    });

    it('then reading with the plan’s own systems, or from an ArrayBuffer, gives the same tasks', async () => {
      const buffer = await written;
      const arrayBuffer = buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength);

      const withSystems = await readTaskSheet(buffer, { systems: plan.systems });
      const fromArrayBuffer = await readTaskSheet(arrayBuffer as ArrayBuffer, { sheetName: TASK_SHEET_NAME });

      expect(fromArrayBuffer.tasks).toEqual(withSystems.tasks);
      expect(withSystems.tasks.map((t) => t.code)).toEqual(plan.tasks.map((t) => t.code));
    });
  });

  describe('when the sheet is opened as an office would see it', () => {
    it('then it has a title row, the header row and one heading row per system before its tasks', async () => {
      const workbook = new Workbook();
      // exceljs types its input as its own ArrayBuffer-like Buffer, which Node's Buffer no longer matches.
      await workbook.xlsx.load((await written) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet(TASK_SHEET_NAME)!;
      const firstCell = (row: number): unknown => sheet.getRow(row).getCell(1).value;

      expect(String(firstCell(1))).toContain(plan.title);
      expect(sheet.getRow(2).values).toEqual([undefined, '序号', '领域', '任务清单', '牵头单位', '配合单位', '时间']);
      const headings = [3, 19, 23, 33].map(firstCell);
      expect(headings).toEqual(plan.systems.map((s) => s.heading));
      expect(firstCell(4)).toBe('A-1');
      expect(sheet.rowCount).toBe(2 + 4 + 34);
    });
  });
});
