import type { Light } from '../../api/responses';
import type { components } from '../../api/schema';
import type { Evidence } from '../../components/evidence-field';

/** GET /indicators and GET /indicators/:id (the generated types of their schemas). */
type Schemas = components['schemas'];
export type IndicatorRow = Schemas['IndicatorRow'];
export type IndicatorView = Schemas['IndicatorView'];
export type IndicatorReport = IndicatorView['periods'][number]['reports'][number];

/** The indicator's light as the board shows lights: the word, and the rule's reason. */
export function indicatorLight(row: Pick<IndicatorRow, 'light' | 'lightLabel' | 'lightReason'>): Light {
  return {
    colour: row.light === 'none' ? null : row.light,
    label: row.lightLabel,
    reasons: row.lightReason ? [{ rule: 'indicator', text: row.lightReason }] : [],
  };
}

/** The indicators a department reports (those whose 责任部门 names it), in the plan's order. */
export function reportedBy(rows: readonly IndicatorRow[], department: string | null | undefined): IndicatorRow[] {
  if (!department) return [];
  return rows.filter((row) => row.responsible.departments.includes(department)).sort((a, b) => a.no - b.no);
}

/** The periods a report may be for: those of the plan period that have begun by the service's today. */
export function reportablePeriods(deadlines: readonly { period: string }[], today: string): string[] {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const begun = (period: string) => {
    const [y, q] = period.split('-Q').map(Number);
    return y! < year || (y === year && (q === undefined || (q - 1) * 3 + 1 <= month));
  };
  return deadlines
    .map((d) => d.period)
    .filter(begun)
    .reverse();
}

/** Reports the office still has to decide: pending and not corrected by a later report. */
export function awaitingReview(view: Pick<IndicatorView, 'periods'>): IndicatorReport[] {
  return view.periods.flatMap((p) => p.reports).filter((r) => r.status === 'pending' && !r.supersededBy);
}

/** An indicator's to-do code (`indicator:14`) → its id, else undefined. */
export function indicatorIdOf(code: string): string | undefined {
  return /^indicator:(.+)$/.exec(code)?.[1];
}

/** The 报送 body: a number in the indicator's unit, or 达成/未达成 for one stated in words. */
export interface ReportForm {
  period: string;
  value?: number;
  met?: boolean;
  source: string;
  evidence: Evidence[];
  note?: string;
}

export function reportBody(
  form: ReportForm,
  measure: IndicatorRow['measure'],
): components['schemas']['ReportIndicatorDto'] {
  return {
    period: form.period,
    ...(measure.kind === 'numeric' ? { value: form.value } : { met: form.met }),
    source: form.source.trim(),
    evidence: form.evidence,
    ...(form.note?.trim() ? { note: form.note.trim() } : {}),
  };
}
