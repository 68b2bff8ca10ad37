/** A row of the plan's task list (附件3) as the views need it; tasks never assigned still show on the board. */
export interface PlanTaskLine {
  readonly code: string;
  readonly system: string;
  readonly area: string;
  readonly text: string;
  readonly lead: readonly string[];
  readonly cooperating: readonly string[];
  readonly window: string;
}

/** Plan order: by system letter, then number (A-2 before A-10). */
export function byCode(a: { code: string }, b: { code: string }): number {
  const [sa, na] = a.code.split('-');
  const [sb, nb] = b.code.split('-');
  return (sa ?? '').localeCompare(sb ?? '') || Number(na) - Number(nb) || a.code.localeCompare(b.code);
}

/** The years a 时间 cell covers: "2024" → [2024], "2023-2025" → 2023..2025, "持续开展" → every year. */
export function windowCovers(window: string, year: number): boolean {
  const range = /^(\d{4})(?:\s*[-—~至]\s*(\d{4}))?/.exec(window.trim());
  if (!range) return true;
  const first = Number(range[1]);
  const last = Number(range[2] ?? range[1]);
  return year >= first && year <= last;
}
