import { LIGHT_LABELS, type IndicatorSummary, type Light } from '@zw/domain';
import { sanitizeWorkbookText, type Plan } from '@zw/plan';
import { displayValue } from './indicator.view';

/** The plan's 附件2 columns, then where each indicator stands; the region names come from the plan. */
export function indicatorTableHeaders(plan: Plan): string[] {
  const { name, city } = plan.region;
  const [from, to] = [plan.period.from, plan.period.to];
  return [
    '序号',
    '一级指标',
    '二级指标',
    '三级指标',
    `${to}${city}目标值`,
    `${from}${name}现状值`,
    `${to}${name}目标值`,
    '最新值',
    '进度',
    '状态',
    '数据来源',
    '责任部门',
  ];
}

const FILLS: Record<Light, string | undefined> = {
  red: 'FFF4CCCC',
  yellow: 'FFFFF2CC',
  green: 'FFD9EAD3',
  none: undefined,
};

/** 目标清单 as an .xlsx workbook: one row per indicator, the light's reason as a cell note. */
export async function indicatorTableXlsx(
  plan: Plan,
  summaries: readonly IndicatorSummary[],
  asOf: string,
): Promise<Buffer> {
  // Loaded on first use, as the plan library's sheet writer does: only exports pay for exceljs.
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('目标清单');
  sheet.addRow(indicatorTableHeaders(plan)).font = { bold: true };
  for (const s of summaries) {
    const { def, assessment: a } = s;
    const { row } = def;
    const latest = a.latest ? `${displayValue(a.latest.value)}（${a.latest.period}）` : '';
    const responsible = s.responsible.source === 'plan' ? row.responsibleRaw : s.responsible.departments.join('、');
    const added = sheet.addRow([
      row.no,
      row.level1,
      row.level2,
      `${row.level3}${row.class}`,
      row.cityTarget2025,
      row.baseline2022,
      row.districtTarget2025,
      latest,
      a.progressPercent === null ? '' : `${a.progressPercent}%`,
      LIGHT_LABELS[a.light],
      row.dataSource,
      responsible,
    ]);
    const status = added.getCell(10);
    status.note = a.reason;
    const fill = FILLS[a.light];
    if (fill) status.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  }
  sheet.addRow([]);
  sheet.addRow([`截至 ${asOf}（Asia/Shanghai）`]);
  sheet.columns.forEach((column, i) => (column.width = [6, 16, 20, 36, 18, 18, 18, 16, 10, 8, 24, 24][i] ?? 12));
  sanitizeWorkbookText(workbook); // XML-invalid characters in plan or report text (docs/security.md)
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
