import { ApiError } from '../../api/errors';

/** One line of a refused file: where (list and row), which field, what is wrong. */
export interface Problem {
  key: string;
  where: string;
  field: string;
  message: string;
}

const LISTS: Record<string, string> = {
  tasks: '任务清单',
  indicators: '指标',
  projects: '项目',
  departments: '责任单位',
  externalUnits: '外部单位',
  genericEntries: '泛指名称',
  systems: '体系',
  settings: '计划设置',
  statedCounts: '正文所列数量',
};

const FIELDS: Record<string, string> = {
  code: '编号',
  system: '体系',
  area: '领域',
  text: '任务内容',
  lead: '牵头单位',
  leadRaw: '牵头单位',
  cooperating: '配合单位',
  cooperatingRaw: '配合单位',
  window: '时间',
  name: '名称',
  aliases: '别名',
  responsible: '责任部门',
  responsibleRaw: '责任部门',
  dataSource: '数据来源',
  dataSourceUnits: '数据来源',
  entity: '实施主体',
  content: '建设内容',
  investment: '投资额',
  investmentRaw: '投资额',
  period: '建设期限',
  no: '序号',
  id: '计划编号',
  planVersion: '计划版本',
  title: '计划名称',
  schemaVersion: '文件格式版本',
  body: '上传文件',
};

/**
 * A schema path of the plan file (`tasks[3].lead`) as the office reads it: 任务清单第4行 · 牵头单位.
 * A path of no known list or field keeps its own spelling, so nothing is hidden.
 */
export function describePath(path: string): { where: string; field: string } {
  const match = /^([A-Za-z]+)(?:\[(\d+)\])?(?:\.(.+))?$/.exec(path);
  if (!match) return { where: '计划文件', field: path };
  const [, list, index, rest] = match;
  const listLabel = LISTS[list!];
  if (!listLabel) return { where: '计划文件', field: FIELDS[list!] ?? path };
  const where = index === undefined ? listLabel : `${listLabel}第${Number(index) + 1}行`;
  const first = rest?.split(/[.[]/)[0];
  return { where, field: first ? (FIELDS[first] ?? rest!) : '—' };
}

interface SheetProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  message: string;
}

/** The problems a refused import names (400 PLAN.INVALID or VALIDATION), one row each. */
export function problemsOf(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.body.details as
    | { fields?: { field: string; reason?: string; message?: string }[]; problems?: SheetProblem[] }
    | { field: string; reason?: string; message?: string }[]
    | undefined;
  const fields = Array.isArray(details) ? details : (details?.fields ?? []);
  const sheet = Array.isArray(details) ? [] : (details?.problems ?? []);
  return [
    ...fields.map((f, i) => ({ key: `f${i}`, ...describePath(f.field), message: f.reason ?? f.message ?? '' })),
    ...sheet.map((p, i) => ({
      key: `s${i}`,
      where: [p.sheet ? `工作表“${p.sheet}”` : '表格文件', p.row ? `第${p.row}行` : ''].join(''),
      field: p.column ?? '—',
      message: p.message,
    })),
  ];
}
