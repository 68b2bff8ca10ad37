import {
  DIRECTION_LABELS,
  LIGHT_LABELS,
  periodDeadlines,
  REPORT_STATUS_LABELS,
  type IndicatorSummary,
  type ReportedValue,
  type ReportRecord,
} from '@zw/domain';

/** A reported value as people read it: "6.5%", "0.41吨/万元", "达成" / "未达成". */
export function displayValue(value: ReportedValue): string {
  return value.kind === 'met' ? (value.met ? '达成' : '未达成') : `${value.value}${value.unit}`;
}

function reportView(r: ReportRecord) {
  return {
    reportId: r.reportId,
    period: r.period,
    department: r.department,
    value: r.value,
    display: displayValue(r.value),
    source: r.source,
    evidence: r.evidence,
    note: r.note,
    corrects: r.corrects,
    supersededBy: r.supersededBy ?? null,
    status: r.status,
    statusLabel: REPORT_STATUS_LABELS[r.status],
    reportedAt: r.reportedAt,
    review: r.review ?? null,
  };
}

/** One row of GET /indicators: the plan's columns verbatim, then where the indicator stands. */
export function indicatorRow(s: IndicatorSummary) {
  const { def, assessment: a } = s;
  const { row, measure } = def;
  return {
    indicatorId: def.id,
    no: def.no,
    level1: row.level1,
    level2: row.level2,
    level3: row.level3,
    class: row.class,
    cityTarget2025: row.cityTarget2025,
    baseline2022: row.baseline2022,
    districtTarget2025: row.districtTarget2025,
    dataSource: row.dataSource,
    responsibleRaw: row.responsibleRaw,
    measure:
      measure.kind === 'numeric'
        ? { ...measure, directionLabel: DIRECTION_LABELS[measure.direction] }
        : { kind: measure.kind, label: '文字型（达成/未达成）' },
    responsible: s.responsible,
    tasks: s.tasks,
    latest: a.latest ? { period: a.latest.period, value: a.latest.value, display: displayValue(a.latest.value) } : null,
    progressPercent: a.progressPercent,
    met: a.met,
    expected: a.expected,
    light: a.light,
    lightLabel: LIGHT_LABELS[a.light],
    lightReason: a.reason,
  };
}

export function indicatorView(s: IndicatorSummary) {
  return {
    ...indicatorRow(s),
    otherUnits: s.def.otherUnits,
    settingsNote: s.def.settingsNote ?? null,
    deadlines: periodDeadlines(s.def),
    periods: s.periods.map((p) => ({
      period: p.period,
      confirmed: p.confirmed ? reportView(p.confirmed) : null,
      reports: p.reports.map(reportView),
    })),
  };
}
