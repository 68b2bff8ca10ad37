/**
 * Findings are data, not log lines: the office's screens and the ledger export read them, so
 * each has a stable code, a severity and a Chinese message, and details for drilling down.
 */
export type Severity = 'error' | 'warning' | 'info';

export type FindingCode =
  | 'TASK_COUNT_MISMATCH'
  | 'TASK_TOTAL_MISMATCH'
  | 'INDICATOR_COUNT_MISMATCH'
  | 'INDICATOR_CLASS_COUNT_MISMATCH'
  | 'INDICATOR_LEVEL_COUNT_MISMATCH'
  | 'DEPARTMENT_COUNT_MISMATCH'
  | 'PROJECT_COUNT_MISMATCH'
  | 'INVESTMENT_TOTAL_MISMATCH'
  | 'INVESTMENT_UNPARSABLE'
  | 'UNKNOWN_UNIT'
  | 'ALIAS_USED'
  | 'EXTERNAL_UNIT'
  | 'GENERIC_LEAD'
  | 'GENERIC_COOPERATING'
  | 'GENERIC_ENTRY'
  | 'SELF_COOPERATION'
  | 'OPEN_ENDED_LIST'
  | 'DUPLICATE_CODE'
  | 'TASK_CODE_GAP'
  | 'UNKNOWN_WINDOW'
  | 'REGISTRY_CONFLICT'
  | 'SETTING_UNKNOWN_TASK';

export interface Finding {
  readonly severity: Severity;
  readonly code: FindingCode;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** A place in the plan file where a unit name is written, with a label the office understands. */
export interface Location {
  readonly path: string;
  readonly label: string;
}

export function finding(
  severity: Severity,
  code: FindingCode,
  message: string,
  details: Readonly<Record<string, unknown>> = {},
): Finding {
  return { severity, code, message, details };
}

/** "少2项" / "多1项": the sign of a difference in words, as the office would say it. */
export function describeDiff(diff: number, unit = '项'): string {
  return diff < 0 ? `少${-diff}${unit}` : `多${diff}${unit}`;
}

export function labels(locations: readonly Location[]): string {
  return locations.map((l) => l.label).join('；');
}
