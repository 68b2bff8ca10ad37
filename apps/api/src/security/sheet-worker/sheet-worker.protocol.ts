import type { PlanSystem, SheetLimit, TaskSheetProblem, TaskSheetResult } from '@zw/plan';

/** What the api hands the sheet worker (structured clone: plain data only). */
export interface SheetWorkerInput {
  readonly bytes: Uint8Array;
  readonly sheetName?: string;
  readonly systems?: readonly PlanSystem[];
}

/** What it answers: the tasks, or a refusal the api turns back into the same error classes. */
export type SheetWorkerOutput =
  | { readonly ok: true; readonly result: TaskSheetResult }
  | {
      readonly ok: false;
      readonly kind: 'too-large';
      readonly message: string;
      readonly details: { readonly limit: SheetLimit; readonly found: number; readonly allowed: number };
    }
  | { readonly ok: false; readonly kind: 'sheet'; readonly problems: readonly TaskSheetProblem[] };
