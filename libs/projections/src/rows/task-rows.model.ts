import type { RecordedEvent } from '@zw/event-store';
import { applyToIndicator, newIndicatorRow, type IndicatorRow } from './indicator-row';
import { applyToRow, newTaskRow, type TaskRow } from './task-row';

/** Identifies the last event folded, so a stored snapshot can be checked against the store it came from. */
export interface LastEvent {
  readonly position: bigint;
  readonly streamId: string;
  readonly revision: bigint;
  readonly id: string;
}

export interface SkippedEvent {
  readonly position: bigint;
  readonly streamId: string;
  readonly type: string;
  readonly error: string;
}

const MAX_SKIPPED = 100;

export interface TaskRowsSnapshot {
  readonly last: LastEvent | undefined;
  readonly rows: TaskRow[];
  readonly indicators: IndicatorRow[];
  readonly skipped: SkippedEvent[];
  readonly skippedCount: number;
}

/**
 * Every task stream folded into rows, indexed by plan: the one read model the board,
 * accountability, calendar and overview views are computed from at query time (their
 * answers depend on "today", so they are not stored pre-computed).
 */
export class TaskRowsModel {
  private readonly byStream = new Map<string, TaskRow>();
  private readonly byPlan = new Map<string, Map<string, TaskRow>>();
  private readonly indicators = new Map<string, IndicatorRow>();
  private readonly indicatorsByPlan = new Map<string, Map<string, IndicatorRow>>();
  /** Events the fold could not take (the latest MAX_SKIPPED), and how many in all. */
  readonly skipped: SkippedEvent[] = [];
  skippedCount = 0;
  /** The last event folded (kept whole: copying four fields per event is measurable at a million). */
  private lastEvent: LastEvent | undefined;

  get last(): LastEvent | undefined {
    const e = this.lastEvent;
    return e && { position: e.position, streamId: e.streamId, revision: e.revision, id: e.id };
  }

  get position(): bigint | undefined {
    return this.lastEvent?.position;
  }

  /**
   * Folds one event. An event the fold cannot take (malformed data written by a buggy or newer
   * writer) is set aside in `skipped`, with the row left as it was, and the model moves on: one
   * bad event must not freeze every view. A rebuild skips the same events, so they stay equal.
   */
  apply(event: RecordedEvent): void {
    try {
      this.route(event);
    } catch (error) {
      this.skippedCount += 1;
      this.skipped.push({
        position: event.position,
        streamId: event.streamId,
        type: event.type,
        error: error instanceof Error ? error.message : String(error),
      });
      if (this.skipped.length > MAX_SKIPPED) this.skipped.shift();
    }
    this.lastEvent = event;
  }

  private route(event: RecordedEvent): void {
    // Cheap prefix test first: most of a national log is task events, but plan, user and
    // indicator streams must cost nothing here.
    if (!event.streamId.startsWith('task-')) {
      if (event.streamId.startsWith('indicator-')) this.applyIndicator(event);
      return;
    }
    const known = this.byStream.get(event.streamId);
    const row = known ?? newTaskRow(event.streamId);
    if (!row) return;
    applyToRow(row, event);
    if (known) return;
    this.byStream.set(event.streamId, row);
    let plan = this.byPlan.get(row.planId);
    if (!plan) this.byPlan.set(row.planId, (plan = new Map()));
    plan.set(row.code, row);
  }

  private applyIndicator(event: RecordedEvent): void {
    const known = this.indicators.get(event.streamId);
    const row = known ?? newIndicatorRow(event.streamId);
    if (!row) return;
    applyToIndicator(row, event);
    if (!known) this.addIndicator(row);
  }

  private addIndicator(row: IndicatorRow): void {
    this.indicators.set(row.streamId, row);
    let plan = this.indicatorsByPlan.get(row.planId);
    if (!plan) this.indicatorsByPlan.set(row.planId, (plan = new Map()));
    plan.set(row.indicatorId, row);
  }

  /** Indicators of a plan with any event recorded (reports, links, reminders). */
  indicatorRows(planId: string): IndicatorRow[] {
    return [...(this.indicatorsByPlan.get(planId)?.values() ?? [])];
  }

  rows(planId: string): TaskRow[] {
    return [...(this.byPlan.get(planId)?.values() ?? [])];
  }

  row(planId: string, code: string): TaskRow | undefined {
    return this.byPlan.get(planId)?.get(code);
  }

  planIds(): string[] {
    return [...this.byPlan.keys()];
  }

  get size(): number {
    return this.byStream.size;
  }

  /** Plain data for a snapshot (structured-clone friendly: Maps and bigints survive v8.serialize). */
  toSnapshot(): TaskRowsSnapshot {
    return {
      last: this.last,
      rows: [...this.byStream.values()],
      indicators: [...this.indicators.values()],
      skipped: [...this.skipped],
      skippedCount: this.skippedCount,
    };
  }

  static fromSnapshot(snapshot: TaskRowsSnapshot): TaskRowsModel {
    const model = new TaskRowsModel();
    model.lastEvent = snapshot.last;
    for (const row of snapshot.indicators) model.addIndicator(row);
    model.skipped.push(...snapshot.skipped);
    model.skippedCount = snapshot.skippedCount;
    for (const row of snapshot.rows) {
      model.byStream.set(row.streamId, row);
      let plan = model.byPlan.get(row.planId);
      if (!plan) model.byPlan.set(row.planId, (plan = new Map()));
      plan.set(row.code, row);
    }
    return model;
  }
}
