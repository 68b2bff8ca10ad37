import {
  decodeIndicatorEvent,
  evolveIndicator,
  indicatorStreamId,
  initialIndicatorState,
  isReminderEvent,
  parseIndicatorStreamId,
  planIndicatorReminders,
  type IndicatorDefinition,
  type IndicatorState,
  type PlannedReminder,
  type ReminderPolicy,
} from '@zw/domain';
import { decodeKnown, type EventStore, type RecordedEvent } from '@zw/event-store';
import { planStreamId } from '@zw/plan';
import { StateCache } from '../state-cache';
import type { PlanDefinitions } from './plan-definitions';

/** The reminders a stream called for before an event and after it; the planner schedules the difference. */
export interface PlanChange {
  readonly streamId: string;
  readonly before: readonly PlannedReminder[];
  readonly after: readonly PlannedReminder[];
}

/** Types this version does not know (a newer writer's) leave the state as it was: skipped, noted. */
const evolveKnown = (state: IndicatorState, e: RecordedEvent): IndicatorState => {
  const event = decodeKnown(e, decodeIndicatorEvent);
  return event ? evolveIndicator(state, event) : state;
};

/**
 * The indicator side of the planner. Most indicator streams stay empty until someone
 * reports, so the plan itself is a source: a `PlanImported` plans every indicator of the plan
 * (a re-import only those whose departments or periods changed). An event of an indicator
 * stream — a report, a rejection, the office naming who reports — re-plans that indicator.
 * States are folded up to the event, definitions taken as of the last import before it.
 */
export class IndicatorReminderPlanning {
  private readonly states = new StateCache<IndicatorState>();
  /** Definitions of each plan as of the last import the planner has handled. */
  private readonly plans = new Map<string, readonly IndicatorDefinition[] | undefined>();

  constructor(
    private readonly store: EventStore,
    private readonly definitions: PlanDefinitions,
    private readonly policy: ReminderPolicy,
  ) {}

  /** [] for events that concern neither a plan import nor an indicator stream. */
  async changes(event: RecordedEvent): Promise<PlanChange[]> {
    if (event.type === 'PlanImported') return this.imported(event);
    const ids = parseIndicatorStreamId(event.streamId);
    return ids ? this.indicatorEvent(event, ids.planId, ids.indicatorId) : [];
  }

  private async imported(event: RecordedEvent): Promise<PlanChange[]> {
    const { planId } = event.data as { planId: string };
    if (event.streamId !== planStreamId(planId)) return [];
    const before = await this.definitionsBefore(planId, event.position);
    const after = await this.definitions.at(planId, event.position);
    this.plans.set(planId, after);
    const changes: PlanChange[] = [];
    for (const id of new Set([...(before ?? []), ...(after ?? [])].map((d) => d.id))) {
      const [old, now] = [before?.find((d) => d.id === id), after?.find((d) => d.id === id)];
      if (old && now && sameDeadlines(old, now)) continue;
      const streamId = indicatorStreamId(planId, id);
      const state = this.states.get(streamId)?.state ?? (await this.fold(streamId, (e) => e.position < event.position));
      changes.push({ streamId, before: old ? this.plan(old, state) : [], after: now ? this.plan(now, state) : [] });
    }
    return changes;
  }

  private async indicatorEvent(event: RecordedEvent, planId: string, indicatorId: string): Promise<PlanChange[]> {
    const cached = this.states.at(event.streamId, event.revision - 1n);
    if (isReminderEvent(event)) {
      // Deliveries change no plan; keep the folded state current so the next event needs no read.
      if (cached) this.states.set(event.streamId, event.revision, cached);
      return [];
    }
    const before =
      cached ??
      (event.revision === 0n
        ? initialIndicatorState()
        : await this.fold(event.streamId, (e) => e.revision < event.revision));
    const after = evolveKnown(before, event);
    this.states.set(event.streamId, event.revision, after);
    const def = (await this.definitionsBefore(planId, event.position))?.find((d) => d.id === indicatorId);
    return def ? [{ streamId: event.streamId, before: this.plan(def, before), after: this.plan(def, after) }] : [];
  }

  private plan(def: IndicatorDefinition, state: IndicatorState): PlannedReminder[] {
    return planIndicatorReminders(def, state, this.policy);
  }

  /** What the planner last saw of the plan, or (first sight, after a restart) the plan as of just before `position`. */
  private async definitionsBefore(
    planId: string,
    position: bigint,
  ): Promise<readonly IndicatorDefinition[] | undefined> {
    if (!this.plans.has(planId)) this.plans.set(planId, await this.definitions.at(planId, position - 1n));
    return this.plans.get(planId);
  }

  private async fold(streamId: string, include: (e: RecordedEvent) => boolean): Promise<IndicatorState> {
    const events = (await this.store.readStream(streamId)).filter(include);
    const state = events.reduce(evolveKnown, initialIndicatorState());
    if (events.length > 0) this.states.set(streamId, events.at(-1)!.revision, state);
    return state;
  }
}

/** Reminders depend on who reports and which periods are owed: a re-import changing neither changes no reminder. */
function sameDeadlines(a: IndicatorDefinition, b: IndicatorDefinition): boolean {
  return (
    a.baselineYear === b.baselineYear &&
    a.targetYear === b.targetYear &&
    a.responsible.join('\n') === b.responsible.join('\n')
  );
}
