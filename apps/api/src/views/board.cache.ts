import { Inject, Injectable } from '@nestjs/common';
import { fullBoard, type BoardItem, type LightRules } from '@zw/projections';
import { LIGHT_RULES } from './light-rules.provider';
import type { ViewInput } from './view-context';

const MAX_ENTRIES = 256;

/**
 * The live board of a plan for a day, kept until the plan's rows move: dashboards poll the same
 * board many times between two events, and recomputing 40 lights per poll is wasted work (and
 * garbage, which is what makes a query's tail). The key is the plan, its catalogue revision,
 * the day, and the latest position folded into any of its rows, so an event in the plan, a
 * new plan revision or midnight makes a new entry. As-of boards are not cached.
 */
@Injectable()
export class BoardCache {
  private readonly entries = new Map<string, BoardItem[]>();

  constructor(@Inject(LIGHT_RULES) private readonly rules: LightRules) {}

  board(input: ViewInput): readonly BoardItem[] {
    if (input.asOf) return fullBoard(input.lines, input.rows, input.today, this.rules);
    let latest = -1n;
    for (const row of input.rows) if (row.position > latest) latest = row.position;
    const key = `${input.planId}|${input.planRevision ?? ''}|${input.today}|${input.rows.length}|${latest}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting makes this the most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const items = fullBoard(input.lines, input.rows, input.today, this.rules);
    this.entries.set(key, items);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return items;
  }
}
