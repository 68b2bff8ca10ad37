/**
 * The traffic-light rule, as settings (defaults per the office's brief): 红 overdue or an
 * acknowledgement overdue; 黄 due within `dueSoonDays`, or reported progress behind the share
 * of the plan window already elapsed by more than `progressTolerance` points, or an ongoing
 * task's last period not reported; 绿 otherwise.
 */
export interface LightRules {
  readonly dueSoonDays: number;
  readonly progressTolerance: number;
}

export const DEFAULT_LIGHT_RULES: LightRules = { dueSoonDays: 30, progressTolerance: 10 };

export type LightColour = 'red' | 'yellow' | 'green';
export const LIGHT_LABELS = { red: '红', yellow: '黄', green: '绿' } as const satisfies Record<LightColour, string>;

/** Reads the rules from the environment (LIGHT_DUE_SOON_DAYS, LIGHT_PROGRESS_TOLERANCE); problems are listed, not guessed. */
export function lightRulesFrom(env: NodeJS.ProcessEnv): LightRules {
  const problems: string[] = [];
  const int = (name: string, fallback: number, max: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value > max) problems.push(`${name}="${raw}" must be an integer from 0 to ${max}`);
    return value;
  };
  const rules = {
    dueSoonDays: int('LIGHT_DUE_SOON_DAYS', DEFAULT_LIGHT_RULES.dueSoonDays, 365),
    progressTolerance: int('LIGHT_PROGRESS_TOLERANCE', DEFAULT_LIGHT_RULES.progressTolerance, 100),
  };
  if (problems.length > 0) throw new Error(`Invalid light rules:\n  - ${problems.join('\n  - ')}`);
  return rules;
}
