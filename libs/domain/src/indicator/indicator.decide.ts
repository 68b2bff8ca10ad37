import type { CommandMetadata } from '../shared/message';
import { shanghaiDay, type LocalDate } from '../shared/local-date';
import { cleanEvidence } from './evidence';
import type {
  ConfirmIndicatorReport,
  IndicatorCommand,
  LinkIndicatorTasks,
  RejectIndicatorReport,
  ReportIndicator,
  SetIndicatorResponsibility,
} from './indicator.commands';
import type { IndicatorDefinition } from './indicator.definition';
import { checkValueBounds } from './indicator.bounds';
import { indicatorError } from './indicator.errors';
import type { IndicatorWorkflowEvent, ReportedValue } from './indicator.events';
import { indicatorPeriodBounds, periodYear } from './indicator.period';
import {
  currentReportOf,
  linkedTasksOf,
  responsibleOf,
  type IndicatorState,
  type ReportRecord,
} from './indicator.state';

/**
 * The events a command causes on an indicator, or a DomainError. The definition is the plan's
 * side of the indicator (unit, responsible departments), built by `indicatorDefinitions`.
 * Checks run in the task domain's order: who (403) → what it names (404/409) → values (400).
 */
export function decideIndicator(
  command: IndicatorCommand,
  state: IndicatorState,
  def: IndicatorDefinition,
): IndicatorWorkflowEvent[] {
  switch (command.type) {
    case 'ReportIndicator':
      return report(command, state, def);
    case 'ConfirmIndicatorReport':
      return confirm(command, state);
    case 'RejectIndicatorReport':
      return reject(command, state);
    case 'LinkIndicatorTasks':
      return link(command, state, def);
    case 'SetIndicatorResponsibility':
      return setResponsibility(command, state, def);
    default: {
      const never: never = command;
      throw new Error(`unknown indicator command ${JSON.stringify(never)}`);
    }
  }
}

function now(metadata: CommandMetadata): { at: string; day: LocalDate } {
  const day = shanghaiDay(metadata.now);
  if (!day) throw indicatorError('INDICATOR.INVALID_TIME', { now: metadata.now });
  return { at: metadata.now, day };
}

function requireOffice(metadata: CommandMetadata): void {
  if (metadata.actor.role !== 'office') throw indicatorError('INDICATOR.OFFICE_ONLY', { role: metadata.actor.role });
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

function report(command: ReportIndicator, state: IndicatorState, def: IndicatorDefinition): IndicatorWorkflowEvent[] {
  const { actor } = command.metadata;
  const department = actor.role === 'department' ? text(actor.department) : '';
  if (!department) throw indicatorError('INDICATOR.DEPARTMENT_ONLY', { role: actor.role });
  const responsible = responsibleOf(state, def.responsible);
  if (!responsible.includes(department))
    throw indicatorError('INDICATOR.NOT_RESPONSIBLE', { department }, { responsible });
  const { at, day } = now(command.metadata);
  const { data } = command;
  const bounds = indicatorPeriodBounds(data.period);
  const year = periodYear(data.period);
  if (!bounds || year <= def.baselineYear || year > def.targetYear || bounds.start > day) {
    throw indicatorError('INDICATOR.INVALID_PERIOD', {
      period: data.period,
      from: def.baselineYear + 1,
      to: def.targetYear,
    });
  }
  const value = valueOf(data, def);
  const source = text(data.source);
  if (!source) throw indicatorError('INDICATOR.SOURCE_REQUIRED');
  const evidence = cleanEvidence(data.evidence, (problem, index) =>
    problem === 'required'
      ? indicatorError('INDICATOR.EVIDENCE_REQUIRED')
      : indicatorError('INDICATOR.INVALID_EVIDENCE', { index }),
  );
  const corrects = currentReportOf(state, data.period)?.reportId ?? null;
  return [
    {
      type: 'IndicatorReported',
      data: {
        indicatorId: def.id,
        reportId: `r${state.reports.size + 1}`,
        period: data.period,
        department,
        value,
        source,
        evidence,
        note: text(data.note),
        corrects,
        reportedAt: at,
      },
    },
  ];
}

function valueOf(data: ReportIndicator['data'], def: IndicatorDefinition): ReportedValue {
  const { measure } = def;
  if (measure.kind === 'qualitative') {
    if (typeof data.met !== 'boolean' || data.value !== undefined)
      throw indicatorError('INDICATOR.VALUE_REQUIRED', { kind: 'qualitative' });
    return { kind: 'met', met: data.met };
  }
  if (data.value === undefined || data.met !== undefined)
    throw indicatorError('INDICATOR.VALUE_REQUIRED', { kind: 'numeric', unit: measure.unit });
  if (data.unit !== undefined && data.unit.trim() !== measure.unit)
    throw indicatorError('INDICATOR.UNIT_MISMATCH', { unit: data.unit, expected: measure.unit });
  // Only a 下降幅度 can be negative (the amount rose); no rate, count or amount can.
  const negativeAllowed = measure.directionRule === 'decline';
  if (typeof data.value !== 'number' || !Number.isFinite(data.value) || (data.value < 0 && !negativeAllowed)) {
    throw indicatorError('INDICATOR.INVALID_VALUE', { value: data.value });
  }
  checkValueBounds(data.value, measure.unit, negativeAllowed);
  return { kind: 'number', value: data.value, unit: measure.unit };
}

function reviewable(state: IndicatorState, reportId: string): ReportRecord {
  const found = state.reports.get(reportId);
  if (!found) throw indicatorError('INDICATOR.REPORT_NOT_FOUND', { reportId });
  if (found.status !== 'pending')
    throw indicatorError('INDICATOR.REPORT_ALREADY_REVIEWED', { reportId, status: found.status });
  if (found.supersededBy)
    throw indicatorError('INDICATOR.REPORT_SUPERSEDED', { reportId, supersededBy: found.supersededBy });
  return found;
}

function confirm(command: ConfirmIndicatorReport, state: IndicatorState): IndicatorWorkflowEvent[] {
  requireOffice(command.metadata);
  const found = reviewable(state, command.data.reportId);
  const { at } = now(command.metadata);
  return [
    {
      type: 'IndicatorReportConfirmed',
      data: { reportId: found.reportId, period: found.period, note: text(command.data.note), confirmedAt: at },
    },
  ];
}

function reject(command: RejectIndicatorReport, state: IndicatorState): IndicatorWorkflowEvent[] {
  requireOffice(command.metadata);
  const found = reviewable(state, command.data.reportId);
  const reason = text(command.data.reason);
  if (!reason) throw indicatorError('INDICATOR.REASON_REQUIRED');
  const { at } = now(command.metadata);
  return [
    {
      type: 'IndicatorReportRejected',
      data: { reportId: found.reportId, period: found.period, reason, rejectedAt: at },
    },
  ];
}

const TASK_CODE = /^[A-Z]-\d{1,3}$/;

/** Same list as now: nothing to record (PUT is idempotent). */
function link(command: LinkIndicatorTasks, state: IndicatorState, def: IndicatorDefinition): IndicatorWorkflowEvent[] {
  requireOffice(command.metadata);
  const { tasks } = command.data;
  if (
    !Array.isArray(tasks) ||
    !tasks.every((t) => typeof t === 'string' && TASK_CODE.test(t)) ||
    new Set(tasks).size !== tasks.length
  ) {
    throw indicatorError('INDICATOR.INVALID_TASKS', { tasks });
  }
  const previous = linkedTasksOf(state, def.defaultTasks).list;
  if (sameList(previous, tasks)) return [];
  const { at } = now(command.metadata);
  return [
    {
      type: 'IndicatorTasksLinked',
      data: { tasks: [...tasks], previous: [...previous], reason: text(command.data.reason), linkedAt: at },
    },
  ];
}

function setResponsibility(
  command: SetIndicatorResponsibility,
  state: IndicatorState,
  def: IndicatorDefinition,
): IndicatorWorkflowEvent[] {
  requireOffice(command.metadata);
  const { departments } = command.data;
  const named =
    Array.isArray(departments) &&
    departments.length > 0 &&
    departments.every((d) => typeof d === 'string' && d.trim() !== '' && d === d.trim());
  if (!named || new Set(departments).size !== departments.length)
    throw indicatorError('INDICATOR.INVALID_DEPARTMENTS', { departments });
  const reason = text(command.data.reason);
  if (!reason) throw indicatorError('INDICATOR.REASON_REQUIRED');
  const previous = responsibleOf(state, def.responsible);
  if (sameList(previous, departments)) return [];
  const { at } = now(command.metadata);
  return [
    {
      type: 'IndicatorResponsibilitySet',
      data: { departments: [...departments], previous: [...previous], reason, setAt: at },
    },
  ];
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
