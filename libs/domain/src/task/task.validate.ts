import { isAfter, isLocalDate, type LocalDate } from '../shared/local-date';
import { requireText } from './decide.guards';
import type { AssignmentRequest } from './task.commands';
import { taskError } from './task.errors';
import { cleanEvidenceItem } from '../shared/evidence';
import type { Evidence, MilestonePlan, ReportingCadence } from './task.events';
import { isStreamIdPart } from './task.stream';

/**
 * Checks of values that need the task or the day to judge (a DTO sees one field at a time).
 * Each returns the value as it will be recorded: trimmed, defaults filled in.
 */

export function requireDate(value: unknown, field: string): LocalDate {
  if (!isLocalDate(value)) throw taskError('TASK.INVALID_DATE', { field, value });
  return value;
}

/** A deadline set today may be today (due dates are inclusive) but not earlier. */
export function requireNotPast(date: LocalDate, today: LocalDate, field: string): void {
  if (isAfter(today, date)) throw taskError('TASK.DUE_DATE_IN_PAST', { field, value: date, today });
}

export function requireDepartments(
  lead: readonly string[],
  cooperating: readonly string[],
): { lead: string[]; cooperating: string[] } {
  const all = [...lead, ...cooperating];
  const named = all.every((d) => typeof d === 'string' && d.trim() !== '' && d === d.trim());
  if (lead.length === 0 || !named || new Set(all).size !== all.length) {
    throw taskError('TASK.INVALID_DEPARTMENTS', { lead, cooperating });
  }
  return { lead: [...lead], cooperating: [...cooperating] };
}

export interface MilestoneContext {
  readonly departments: ReadonlySet<string>;
  readonly dueDate: LocalDate | null;
  readonly today: LocalDate;
}

export function requireMilestonePlan(m: MilestonePlan, ctx: MilestoneContext): MilestonePlan {
  requireText(m.milestoneId, 'milestoneId');
  const title = requireText(m.title, 'milestone.title');
  const dueDate = requireDate(m.dueDate, 'milestone.dueDate');
  requireNotPast(dueDate, ctx.today, 'milestone.dueDate');
  if (ctx.dueDate !== null && isAfter(dueDate, ctx.dueDate)) {
    throw taskError('TASK.MILESTONE_AFTER_DUE', { milestoneId: m.milestoneId, dueDate, taskDueDate: ctx.dueDate });
  }
  if (!ctx.departments.has(m.owner))
    throw taskError('TASK.MILESTONE_OWNER_NOT_ASSIGNED', { milestoneId: m.milestoneId, owner: m.owner });
  return { milestoneId: m.milestoneId, title, dueDate, owner: m.owner };
}

/** The whole of an assignment, as TaskAssigned / TaskCreated will record it. */
export function requireAssignment(request: AssignmentRequest, today: LocalDate) {
  const { facts } = request;
  if (!isStreamIdPart(facts.planId) || !isStreamIdPart(facts.code) || !facts.title?.trim() || !facts.text?.trim()) {
    throw taskError('TASK.INVALID_PLAN_FACTS', { planId: facts.planId, code: facts.code });
  }
  const { lead, cooperating } = requireDepartments(request.lead, request.cooperating);
  let dueDate: LocalDate | null = null;
  if (facts.ongoing !== (request.dueDate === null))
    throw taskError('TASK.INVALID_DUE_DATE', { ongoing: facts.ongoing, dueDate: request.dueDate });
  if (request.dueDate !== null) {
    dueDate = requireDate(request.dueDate, 'dueDate');
    requireNotPast(dueDate, today, 'dueDate');
  }
  if (!facts.ongoing && request.reporting !== undefined)
    throw taskError('TASK.INVALID_REPORTING', { reporting: request.reporting });
  const reporting: ReportingCadence | null = facts.ongoing ? (request.reporting ?? 'quarterly') : null;
  const acknowledgeBy = requireDate(request.acknowledgeBy, 'acknowledgeBy');
  requireNotPast(acknowledgeBy, today, 'acknowledgeBy');
  const ctx: MilestoneContext = { departments: new Set([...lead, ...cooperating]), dueDate, today };
  const ids = new Set<string>();
  const milestones = request.milestones.map((m) => {
    if (ids.has(m.milestoneId)) throw taskError('TASK.MILESTONE_ALREADY_EXISTS', { milestoneId: m.milestoneId });
    ids.add(m.milestoneId);
    return requireMilestonePlan(m, ctx);
  });
  return {
    facts: { ...facts, title: facts.title.trim() },
    lead,
    cooperating,
    dueDate,
    milestones,
    acknowledgeBy,
    reporting,
  };
}

export function requireEvidence(evidence: readonly Evidence[]): Evidence[] {
  if (!Array.isArray(evidence) || evidence.length === 0) throw taskError('TASK.EVIDENCE_REQUIRED');
  return optionalEvidence(evidence);
}

/** 佐证材料 a report may carry: none, or items that each hold (see cleanEvidenceItem). */
export function optionalEvidence(evidence: readonly Evidence[] | undefined): Evidence[] {
  if (evidence === undefined) return [];
  if (!Array.isArray(evidence)) throw taskError('TASK.INVALID_EVIDENCE', { index: 0 });
  return evidence.map((item, index) => {
    const clean = cleanEvidenceItem(item);
    if (!clean) throw taskError('TASK.INVALID_EVIDENCE', { index });
    return clean;
  });
}

export function requirePercent(percent: unknown): number {
  if (typeof percent !== 'number' || !Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw taskError('TASK.INVALID_PERCENT', { percent });
  }
  return percent;
}
