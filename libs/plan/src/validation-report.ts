import type { Plan } from './plan.schema';
import {
  countChecks,
  countFindings,
  investmentCheck,
  type CountCheck,
  type InvestmentCheck,
} from './validation.counts';
import type { Finding, Severity } from './validation.findings';
import { structureFindings } from './validation.structure';
import { unitFindings } from './validation.units';

/**
 * What the office needs to know before it assigns work from a plan: whether the appendices add
 * up to what the prose says, and which names cannot be assigned as written. The plan is
 * assumed to have passed validatePlanSchema; this looks at meaning, not shape.
 */
export interface ValidationReport {
  readonly planId: string;
  readonly planVersion: string;
  /** No finding of severity 'error'. */
  readonly ok: boolean;
  readonly counts: readonly CountCheck[];
  readonly investment: InvestmentCheck;
  readonly findings: readonly Finding[];
  readonly summary: Readonly<Record<Severity, number>>;
}

const ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

export function validatePlan(plan: Plan): ValidationReport {
  const counts = countChecks(plan);
  const investment = investmentCheck(plan);
  const findings = [...countFindings(plan, counts, investment), ...structureFindings(plan), ...unitFindings(plan)].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity],
  ); // stable: keeps plan order within a severity
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;
  return {
    planId: plan.id,
    planVersion: plan.planVersion,
    ok: summary.error === 0,
    counts,
    investment,
    findings,
    summary,
  };
}
