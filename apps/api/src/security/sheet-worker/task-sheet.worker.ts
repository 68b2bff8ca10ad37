/**
 * Runs in a worker thread (isolated-task-sheet.ts): reads one uploaded task sheet and posts
 * back the tasks or the refusal. Everything a hostile file can make expensive — inflating,
 * scanning, exceljs' model — happens here, under the thread's memory limit.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readTaskSheet, TaskSheetError, TaskSheetTooLargeError, type TaskSheetOptions } from '@zw/plan';
import type { SheetWorkerInput, SheetWorkerOutput } from './sheet-worker.protocol';

async function run(input: SheetWorkerInput): Promise<SheetWorkerOutput> {
  const options: TaskSheetOptions = { sheetName: input.sheetName, systems: input.systems };
  try {
    return { ok: true, result: await readTaskSheet(Buffer.from(input.bytes), options) };
  } catch (error) {
    if (error instanceof TaskSheetTooLargeError)
      return { ok: false, kind: 'too-large', message: error.message, details: error.details };
    if (error instanceof TaskSheetError) return { ok: false, kind: 'sheet', problems: error.problems };
    throw error;
  }
}

void run(workerData as SheetWorkerInput).then((output) => parentPort!.postMessage(output));
