import type { CellValue } from 'exceljs';
import { readTaskSheet, TaskSheetError, type TaskSheetProblem } from './index';
import { buildWorkbook, HEADER, standardRows, VALID_TASKS } from './testing/sheet-builder';

const SHEET = '附件3';

/** Reads the file expecting rejection; a resolved read would hand out tasks, which must not happen. */
async function problemsOf(buffer: Buffer): Promise<readonly TaskSheetProblem[]> {
  const outcome = await readTaskSheet(buffer).then(
    (result) => ({ tasks: result.tasks }),
    (error: unknown) => error,
  );
  expect(outcome).toBeInstanceOf(TaskSheetError);
  return (outcome as TaskSheetError).problems;
}

/** VALID_TASKS start on row 4; `edit` changes the task on that Excel row. */
function sheetWith(edit: (rows: CellValue[][]) => void): Promise<Buffer> {
  const rows = standardRows(VALID_TASKS);
  edit(rows);
  return buildWorkbook({ name: SHEET, rows });
}

const at = (row: number, column: string, message: string): TaskSheetProblem => ({ sheet: SHEET, row, column, message });

describe('given a task sheet with a mistake', () => {
  it('when the 配合单位 column is missing, then the header row names the missing column', async () => {
    const rows = standardRows(VALID_TASKS).map((r) => r.filter((_, i) => i !== HEADER.indexOf('配合单位')));

    const problems = await problemsOf(await buildWorkbook({ name: SHEET, rows }));

    expect(problems).toEqual([at(2, '配合单位', '缺少“配合单位”列')]);
  });

  it('when the lead of row 7 is empty, then row 7 and column “牵头单位 (D)” are named', async () => {
    const buffer = await sheetWith((rows) => (rows[6]![3] = null));

    expect(await problemsOf(buffer)).toEqual([at(7, '牵头单位 (D)', '牵头单位不能为空')]);
    await expect(readTaskSheet(buffer)).rejects.toThrow('工作表“附件3”第 7 行“牵头单位 (D)”列：牵头单位不能为空');
    await expect(readTaskSheet(buffer)).rejects.toMatchObject({
      code: 'PLAN.INVALID',
      details: [at(7, '牵头单位 (D)', '牵头单位不能为空')],
    });
  });

  it('when a window reads “明年”, then it is refused with the accepted forms', async () => {
    const problems = await problemsOf(await sheetWith((rows) => (rows[4]![5] = '明年')));

    expect(problems).toEqual([at(5, '时间 (F)', '无法识别的时间“明年”：应为“YYYY”“YYYY-YYYY”或“持续开展”')]);
  });

  it('when a code is used twice, then the second use is named with the row of the first', async () => {
    const problems = await problemsOf(await sheetWith((rows) => (rows[5]![0] = 'A-1')));

    expect(problems).toEqual([at(6, '序号 (A)', '序号“A-1”重复（第 4 行已使用）')]);
  });

  it('when the bytes are not an xlsx at all, then one problem says so, with no sheet, row or column', async () => {
    const problems = await problemsOf(Buffer.from('序号,领域\nA-1,保障措施\n', 'utf8'));

    expect(problems).toEqual([
      {
        sheet: null,
        row: null,
        column: null,
        message: '文件无法作为 .xlsx 工作簿读取（是否为 .xls、.csv 或已损坏？）',
      },
    ]);
  });

  it('when many cells are wrong, then every problem is listed in row order and the message names each', async () => {
    const buffer = await sheetWith((rows) => {
      rows[3] = ['A1', '保障措施', '', '无废办', '/', '2023'];
      rows[4]![0] = 'B-9';
      rows[5]![3] = '/';
      rows[6]![4] = null;
      rows[7]![5] = '2025-2023';
      rows.push(
        ['', '保障措施', '补充任务', '无废办', '/', { formula: '1/0', result: { error: '#DIV/0!' } }],
        ['五、其他体系建设'],
        // 领域 carries on only within a system: the first task under a new heading must name its own.
        ['二、技术体系建设'],
        ['B-1', null, '探索资源化技术', '区科技局', '/', '2024'],
      );
    });

    const problems = await problemsOf(buffer);

    expect(problems).toEqual([
      at(4, '序号 (A)', '序号“A1”应形如 A-1'),
      at(4, '任务清单 (C)', '任务清单不能为空'),
      at(5, '序号 (A)', '序号“B-9”的字母与所属体系“制度体系建设”（A）不符'),
      at(6, '牵头单位 (D)', '牵头单位“/”未列出任何单位'),
      at(7, '配合单位 (E)', '配合单位不能为空（没有配合单位请填“/”）'),
      at(8, '时间 (F)', '无法识别的时间“2025-2023”：起始年份晚于结束年份'),
      at(9, '序号 (A)', '序号不能为空'),
      at(9, '时间 (F)', '公式结果为错误值 #DIV/0!'),
      at(10, '序号 (A)', '无法识别的体系标题“五、其他体系建设”'),
      at(12, '领域 (B)', '领域不能为空'),
    ]);
  });

  it('when the named sheet does not exist or no sheet has the columns, then that is the one problem', async () => {
    const buffer = await buildWorkbook({ name: '说明', rows: [['附件3'], ['序号', '备注']] });

    await expect(readTaskSheet(buffer, { sheetName: '任务' })).rejects.toMatchObject({
      problems: [{ sheet: '任务', row: null, column: null, message: '找不到工作表“任务”' }],
    });
    await expect(readTaskSheet(buffer)).rejects.toMatchObject({
      problems: [
        {
          sheet: '说明',
          row: null,
          column: null,
          message: '未找到任务清单表头（序号、领域、任务清单、牵头单位、配合单位、时间）',
        },
      ],
    });
  });
});
