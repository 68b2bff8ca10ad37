import type { EventStore } from '@zw/event-store';
import { loadPlan } from '../load-plan';
import type { Plan } from '../plan.schema';
import { readTaskSheet, type TaskSheetOptions, type TaskSheetResult } from '../xlsx';
import { readPlan } from './import-plan';

/** The plan was never imported, so a task sheet has nothing to replace the task list of. */
export class UnknownPlanError extends Error {
  readonly code = 'NOT_FOUND';
  constructor(readonly planId: string) {
    super(`计划“${planId}”尚未导入：请先导入计划文件 (plan not found)`);
    this.name = 'UnknownPlanError';
  }
}

/**
 * An office's .xlsx task list (附件3 columns) replaces the task list of an imported plan;
 * the rest of the plan stays as it is. The result goes through the same schema check and
 * import as a JSON plan, so only the differences are appended. `read` is where the sheet is
 * read: the api passes one that runs it in a worker thread.
 */
export async function planWithTaskSheet(
  store: EventStore,
  planId: string,
  xlsx: Buffer,
  sheetName?: string,
  read: (xlsx: Buffer, options: TaskSheetOptions) => Promise<TaskSheetResult> = readTaskSheet,
): Promise<Plan> {
  const current = await readPlan(store, planId);
  if (!current) throw new UnknownPlanError(planId);
  const { tasks } = await read(xlsx, { sheetName, systems: current.plan.systems });
  // A sheet has no column for where a row stood in the plan's document: keep what the
  // imported plan knew, so an unchanged row stays unchanged.
  const known = new Map(current.plan.tasks.map((t) => [t.code, t]));
  const merged = tasks.map((t) => {
    const sourceLine = known.get(t.code)?.sourceLine;
    return sourceLine === undefined ? t : { ...t, sourceLine };
  });
  return loadPlan({ ...current.plan, tasks: merged }, `${planId} + task sheet`);
}
