import { describePath } from './problems';

import type { components } from '../../api/schema';

/** The validation report of a plan import (GET /plans/:id/validation-report, an import's answer). */
export type ValidationReport = components['schemas']['PlanValidationReport'];
type Finding = ValidationReport['findings'][number];
export type Severity = Finding['severity'];

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface FindingRow {
  key: number;
  severity: Severity;
  where: string;
  message: string;
}

interface Place {
  path: string;
  label: string;
}
const isPlace = (value: unknown): value is Place =>
  typeof value === 'object' && value !== null && typeof (value as Place).label === 'string';

/** Where a finding points: its places' labels (任务A-6牵头单位 …), else its path in the file, else the whole plan. */
function whereOf({ locations, location, path }: Finding['details']): string {
  // A finding's details are its check's own data: places are read where a check gives them.
  const places = [...(Array.isArray(locations) ? locations : []), location].filter(isPlace);
  if (places.length) return places.map((p) => p.label).join('；');
  if (typeof path !== 'string' || !path) return '整个计划';
  const { where, field } = describePath(path);
  return `${where} ${field}`;
}

/** Each finding with where it points, for the table. */
export function findingRows(report: ValidationReport): FindingRow[] {
  return report.findings.map((f, i) => ({
    key: i,
    severity: f.severity,
    where: whereOf(f.details),
    message: f.message,
  }));
}

/** 导入前 → 导入后 per severity; `before` is undefined for a plan imported for the first time. */
export function compareSummaries(before: ValidationReport | undefined, after: ValidationReport) {
  return (['error', 'warning', 'info'] as const).map((severity) => ({
    severity,
    label: SEVERITY_LABELS[severity],
    before: before?.summary[severity],
    after: after.summary[severity],
  }));
}

/** The sentence of the import's answer: what changed, or that nothing did; after a dry run, what would. */
export function importOutcome(result: {
  appended: number;
  listed?: number;
  revised?: number;
  withdrawn?: number;
  dryRun?: boolean;
}) {
  const counts = `新增 ${result.listed ?? 0} 项，修订 ${result.revised ?? 0} 项，撤回 ${result.withdrawn ?? 0} 项`;
  if (result.dryRun) {
    const changes = (result.listed ?? 0) + (result.revised ?? 0) + (result.withdrawn ?? 0);
    return changes === 0
      ? '校验完成：文件与已导入的版本相同，导入不会作任何更改'
      : `校验完成，尚未导入：导入将${counts}`;
  }
  if (result.appended === 0) return '计划与已导入的版本相同，未作任何更改';
  return `导入成功：${counts}`;
}
