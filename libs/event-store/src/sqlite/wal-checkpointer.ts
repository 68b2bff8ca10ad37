import { Worker } from 'node:worker_threads';

/**
 * The worker's whole program, plain JavaScript so that it runs the same under ts-node, Jest and
 * the compiled build (no TypeScript to load in the thread). Its own connection copies the WAL
 * into the database file (`wal_checkpoint(PASSIVE)`: never waits for, nor blocks, the writer).
 */
const PROGRAM = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.filename);
db.pragma('busy_timeout = 5000');
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, result });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: String(error) });
  }
});
`;

/**
 * WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside the commit
 * that crosses the threshold, on the thread that commits: a write of every changed page to the
 * database file and two fsyncs, which stalled all requests in flight once every few hundred
 * commands. The writer keeps a high automatic threshold only as a backstop (should this thread
 * fall behind or fail) and asks this thread for a checkpoint after about as many pages as
 * SQLite's default (1000) would; the thread starts on the first request.
 */
export interface WalCheckpointerOptions {
  /** Called when the thread fails: the writer then checkpoints by itself again. */
  readonly onFailure: (error: unknown) => void;
  /** Pages written between two checkpoints (SQLite's own default threshold is 1000). */
  readonly everyPages?: number;
  /** Hears each checkpoint's outcome (frames in the WAL, frames copied). */
  readonly onCheckpoint?: (result: CheckpointResult) => void;
}

/** What `PRAGMA wal_checkpoint` answers. */
export interface CheckpointResult {
  readonly busy: number;
  readonly log: number;
  readonly checkpointed: number;
}

export class WalCheckpointer {
  private worker: Worker | undefined;
  private running = false;
  private pages = 0;
  private closed = false;

  constructor(
    private readonly filename: string,
    private readonly options: WalCheckpointerOptions,
  ) {}

  /** Counts the pages a commit wrote (estimated by the caller) and asks for a checkpoint when due. */
  wrote(pages: number): void {
    this.pages += pages;
    if (this.pages < (this.options.everyPages ?? 1000) || this.running || this.closed) return;
    this.pages = 0;
    this.running = true;
    this.thread().postMessage('checkpoint');
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await new Promise<void>((resolve) => {
      worker.once('exit', () => resolve());
      worker.postMessage('close');
    });
  }

  private thread(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(PROGRAM, {
      eval: true,
      // Not the parent's -r ts-node/register: the program is plain JavaScript.
      execArgv: [],
      workerData: { driver: require.resolve('better-sqlite3'), filename: this.filename },
    });
    worker.on('message', (answer: { ok: boolean; error?: string; result?: CheckpointResult }) => {
      this.running = false;
      if (answer.ok) this.options.onCheckpoint?.(answer.result!);
      else this.fail(new Error(answer.error));
    });
    worker.on('error', (error) => this.fail(error));
    // Never keeps the process alive by itself (close() ends it in an orderly stop).
    worker.unref();
    this.worker = worker;
    return worker;
  }

  private fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    void this.worker?.terminate();
    this.worker = undefined;
    this.options.onFailure(error);
  }
}
