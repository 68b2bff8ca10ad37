/**
 * Investments are stated in 万元 with up to two decimals ("10517.52"). Summing them as floats
 * drifts (0.1 + 0.2), so amounts are handled as integers of 0.01万元, parsed from the written
 * string rather than multiplied from a float.
 */
const AMOUNT = /^(\d+)(?:\.(\d{1,2}))?$/;

/** "10517.52" → 1051752; null when the text is not a plain amount with at most two decimals. */
export function toHundredths(raw: string): number | null {
  const match = AMOUNT.exec(raw.trim());
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').padEnd(2, '0');
  const value = Number(whole) * 100 + Number(fraction);
  return Number.isSafeInteger(value) ? value : null;
}

/** 70586211 → "705862.11"; always two decimals except for whole amounts, as the plan writes them. */
export function formatHundredths(hundredths: number): string {
  const whole = Math.trunc(hundredths / 100);
  const fraction = hundredths % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0')}`;
}
