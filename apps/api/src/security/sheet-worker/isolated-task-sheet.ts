import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import {
  inspectArchive,
  TaskSheetError,
  TaskSheetTooLargeError,
  type SheetLimit,
  type TaskSheetOptions,
  type TaskSheetResult,
} from '@zw/plan';
import type { SheetWorkerInput, SheetWorkerOutput } from './sheet-worker.protocol';

/**
 * How much one upload may cost the api: the sheet is read in a worker thread with its own heap
 * limit and a time limit, at most `concurrent` at a time, so the api's event loop (and
 * /health) never waits on a spreadsheet and a runaway file costs one thread, not the process.
 */
export const SHEET_WORKER_LIMITS = {
  /** From the start of the thread to its answer (starting it is ~0.2 s of that). */
  timeoutMs: 20_000,
  maxOldGenerationSizeMb: 256,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
  concurrent: 2,
} as const;

export type SheetWorkerLimits = { readonly [K in keyof typeof SHEET_WORKER_LIMITS]: number };

/** More uploads at once than the limit: 503 with Retry-After, try again shortly. */
export class SheetImportBusyError extends Error {
  readonly code = 'PLAN.IMPORT_BUSY';
  constructor() {
    super('正在读取其他上传的表格，请稍后再试');
    this.name = 'SheetImportBusyError';
  }
}

/** Transpiled on the fly when the api itself runs from TypeScript (tests, ts-node scripts). */
const TS_EXEC_ARGV = ['-r', 'sucrase/register/ts', '-r', 'tsconfig-paths/register'];

export class IsolatedSheetReader {
  private running = 0;

  constructor(private readonly limits: SheetWorkerLimits = SHEET_WORKER_LIMITS) {}

  /** Same contract as readTaskSheet (all or nothing, the same errors), run off the event loop. */
  async read(bytes: Buffer, options: TaskSheetOptions = {}): Promise<TaskSheetResult> {
    // The directory and the declared extents are refused here at once, without a thread.
    inspectArchive(bytes);
    if (this.running >= this.limits.concurrent) throw new SheetImportBusyError();
    this.running++;
    try {
      return await this.inWorker({ bytes, sheetName: options.sheetName, systems: options.systems });
    } finally {
      this.running--;
    }
  }

  private inWorker(input: SheetWorkerInput): Promise<TaskSheetResult> {
    const ext = extname(__filename);
    const worker = new Worker(join(__dirname, `task-sheet.worker${ext}`), {
      workerData: input,
      execArgv: ext === '.ts' ? TS_EXEC_ARGV : [],
      resourceLimits: {
        maxOldGenerationSizeMb: this.limits.maxOldGenerationSizeMb,
        maxYoungGenerationSizeMb: this.limits.maxYoungGenerationSizeMb,
        stackSizeMb: this.limits.stackSizeMb,
      },
    });
    return new Promise<TaskSheetResult>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        worker.removeAllListeners();
        worker.on('error', () => undefined);
        void worker.terminate();
        outcome();
      };
      const timer = setTimeout(
        () => settle(() => reject(refused('time', this.limits.timeoutMs / 1000, '读取超时'))),
        this.limits.timeoutMs,
      );
      worker.once('message', (output: SheetWorkerOutput) => settle(() => answer(output, resolve, reject)));
      worker.once('error', (error: Error & { code?: string }) =>
        settle(() =>
          reject(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? refused('memory', this.limits.maxOldGenerationSizeMb, '所需内存超过上限')
              : error,
          ),
        ),
      );
      worker.once('exit', (code) =>
        settle(() => reject(new Error(`sheet worker exited with ${code} before answering`))),
      );
    });
  }
}

function answer(output: SheetWorkerOutput, resolve: (r: TaskSheetResult) => void, reject: (e: Error) => void): void {
  if (output.ok) resolve(output.result);
  else if (output.kind === 'sheet') reject(new TaskSheetError(output.problems));
  else reject(new TaskSheetTooLargeError(output.message, output.details));
}

function refused(limit: SheetLimit, allowed: number, what: string): TaskSheetTooLargeError {
  return new TaskSheetTooLargeError(`表格过大或过于复杂：${what}，请精简后再上传`, { limit, found: allowed, allowed });
}
