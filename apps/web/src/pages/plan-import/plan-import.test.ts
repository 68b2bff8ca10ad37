import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/errors';
import { checkPlanText, kindOf } from './chosen-file';
import { describePath, problemsOf } from './problems';
import { compareSummaries, findingRows, importOutcome, type ValidationReport } from './report';

const report = (error: number, warning: number, info: number): ValidationReport => ({
  planId: 'p',
  planVersion: '1',
  ok: error === 0,
  counts: [],
  summary: { error, warning, info },
  findings: [
    {
      severity: 'error',
      code: 'UNKNOWN_UNIT',
      message: '“某局”无法识别',
      details: { locations: [{ path: 'tasks[5].lead', label: '任务A-6牵头单位' }] },
    },
    { severity: 'warning', code: 'TASK_COUNT_MISMATCH', message: '少2项', details: {} },
    {
      severity: 'warning',
      code: 'GENERIC_COOPERATING',
      message: '泛指',
      details: { location: { path: 'x', label: '任务A-15配合单位' } },
    },
    { severity: 'warning', code: 'SELF_COOPERATION', message: '相同', details: { path: 'tasks[13].cooperating' } },
  ],
});

describe('计划导入: the file before it is sent', () => {
  it('given a name, then only .json and .xlsx are plan files', () => {
    expect([kindOf('plan.JSON'), kindOf('任务清单.xlsx'), kindOf('plan.xls')]).toEqual(['json', 'xlsx', undefined]);
  });

  it('given text that is no JSON or no plan, then a Chinese reason and nothing to send', () => {
    expect(checkPlanText('a.json', 3, '{"id":')).toEqual({
      ok: false,
      message: '文件不是有效的 JSON 格式，请检查后重新选择',
    });
    expect(checkPlanText('a.json', 2, '[]')).toMatchObject({ ok: false, message: expect.stringMatching(/JSON 对象/) });
    expect(checkPlanText('a.json', 2, '{}')).toMatchObject({ ok: false, message: '计划文件缺少计划编号（id）' });
  });

  it('given a plan file, then its id, version, title and number of tasks are shown before import', () => {
    const checked = checkPlanText(
      'p.json',
      40,
      JSON.stringify({ id: 'p', planVersion: '2', title: '方案', tasks: [{}, {}] }),
    );
    expect(checked).toMatchObject({
      ok: true,
      chosen: { kind: 'json', plan: { id: 'p', planVersion: '2', title: '方案', tasks: 2 } },
    });
  });
});

describe('计划导入: a refused file', () => {
  it('given a schema path, then the list, row (from 1) and field in Chinese', () => {
    expect(describePath('tasks[3].lead')).toEqual({ where: '任务清单第4行', field: '牵头单位' });
    expect(describePath('projects[0].investmentRaw')).toEqual({ where: '项目第1行', field: '投资额' });
    expect(describePath('id')).toEqual({ where: '计划文件', field: '计划编号' });
  });

  it('given a 400 naming fields or sheet cells, then one problem row each with where, field and message', () => {
    const schema = new ApiError(400, {
      code: 'PLAN.INVALID',
      message: '计划文件不符合结构要求',
      details: { fields: [{ field: 'tasks[0].code', reason: '任务编号应形如 A-1' }] },
    });
    expect(problemsOf(schema)).toEqual([
      { key: 'f0', where: '任务清单第1行', field: '编号', message: '任务编号应形如 A-1' },
    ]);
    const sheet = new ApiError(400, {
      code: 'PLAN.INVALID',
      message: '任务清单表格有 1 处问题',
      details: { problems: [{ sheet: '附件3', row: 7, column: '牵头单位 (D)', message: '不能为空' }] } as never,
    });
    expect(problemsOf(sheet)).toEqual([
      { key: 's0', where: '工作表“附件3”第7行', field: '牵头单位 (D)', message: '不能为空' },
    ]);
  });
});

describe('计划导入: the validation report', () => {
  it('given findings, then each row says where it points (its places, its path), or the whole plan', () => {
    expect(findingRows(report(1, 3, 0)).map((r) => r.where)).toEqual([
      '任务A-6牵头单位',
      '整个计划',
      '任务A-15配合单位',
      '任务清单第14行 配合单位',
    ]);
  });

  it('given the report before and after, then the counts side by side; a first import has no before', () => {
    expect(compareSummaries(report(1, 2, 3), report(0, 2, 4))).toEqual([
      { severity: 'error', label: '错误', before: 1, after: 0 },
      { severity: 'warning', label: '警告', before: 2, after: 2 },
      { severity: 'info', label: '提示', before: 3, after: 4 },
    ]);
    expect(compareSummaries(undefined, report(0, 0, 0))[0]?.before).toBeUndefined();
  });

  it('given the answer, then it says what changed or that nothing did', () => {
    expect(importOutcome({ appended: 0 })).toBe('计划与已导入的版本相同，未作任何更改');
    expect(importOutcome({ appended: 2, listed: 0, revised: 1, withdrawn: 0 })).toBe(
      '导入成功：新增 0 项，修订 1 项，撤回 0 项',
    );
  });

  it('says after a dry run what an import would change, and that nothing is imported yet', () => {
    expect(importOutcome({ appended: 0, listed: 0, revised: 1, withdrawn: 0, dryRun: true })).toBe(
      '校验完成，尚未导入：导入将新增 0 项，修订 1 项，撤回 0 项',
    );
    expect(importOutcome({ appended: 0, listed: 0, revised: 0, withdrawn: 0, dryRun: true })).toBe(
      '校验完成：文件与已导入的版本相同，导入不会作任何更改',
    );
  });
});
