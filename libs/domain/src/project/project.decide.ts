import { isLocalDate, shanghaiDay } from '../shared/local-date';
import type { CommandMetadata } from '../shared/message';
import { cleanEvidence } from '../indicator/evidence';
import type { ProjectCommand, ReportProjectProgress, SetProjectSupervisor } from './project.commands';
import type { ProjectDefinition } from './project.definition';
import { PROJECT_ERRORS, projectError } from './project.errors';
import { DomainError } from '../shared/domain-error';
import { PROJECT_PHASES, type ProjectEvent, type ProjectMilestone } from './project.events';
import { supervisorsOf, type ProjectState } from './project.state';

/** What a report may state; the api passes the configured ceiling (MAX_INVESTMENT_WAN_YUAN). */
export interface ProjectLimits {
  /** The largest 累计完成投资, in 万元. */
  readonly maxInvestmentWanYuan: number;
}
export const DEFAULT_PROJECT_LIMITS: ProjectLimits = { maxInvestmentWanYuan: 10_000_000 };

/** The events a command causes on a project, or a DomainError: who (403) first, then values (400). */
export function decideProject(
  command: ProjectCommand,
  state: ProjectState,
  def: ProjectDefinition,
  limits: ProjectLimits = DEFAULT_PROJECT_LIMITS,
): ProjectEvent[] {
  switch (command.type) {
    case 'ReportProjectProgress':
      return report(command, state, def, limits);
    case 'SetProjectSupervisor':
      return setSupervisor(command, state, def);
    default: {
      const never: never = command;
      throw new Error(`unknown project command ${JSON.stringify(never)}`);
    }
  }
}

function at(metadata: CommandMetadata): string {
  if (!shanghaiDay(metadata.now)) throw projectError('PROJECT.INVALID_TIME', { now: metadata.now });
  return metadata.now;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

function report(
  command: ReportProjectProgress,
  state: ProjectState,
  def: ProjectDefinition,
  limits: ProjectLimits,
): ProjectEvent[] {
  const { actor } = command.metadata;
  const department = actor.role === 'department' ? text(actor.department) : '';
  if (!department) throw projectError('PROJECT.DEPARTMENT_ONLY', { role: actor.role });
  const supervising = supervisorsOf(state, def.supervising);
  if (!supervising.includes(department)) throw projectError('PROJECT.NOT_SUPERVISOR', { department }, { supervising });
  const reportedAt = at(command.metadata);
  const { data } = command;
  if (!PROJECT_PHASES.includes(data.phase)) throw projectError('PROJECT.INVALID_PHASE', { phase: data.phase });
  const investment = data.investmentCompleted;
  const hundredths = Math.round(investment * 100);
  // Two decimals at most: 万元 to the hundred yuan, as the plan writes its amounts.
  if (
    typeof investment !== 'number' ||
    !Number.isFinite(investment) ||
    investment < 0 ||
    Math.abs(investment * 100 - hundredths) > 1e-6
  ) {
    throw projectError('PROJECT.INVALID_INVESTMENT', { investmentCompleted: investment });
  }
  const max = limits.maxInvestmentWanYuan;
  if (investment > max) {
    const [kind] = PROJECT_ERRORS['PROJECT.INVESTMENT_TOO_LARGE'];
    throw new DomainError(
      'PROJECT.INVESTMENT_TOO_LARGE',
      kind,
      `investmentCompleted: 累计完成投资超过上限（至多 ${max} 万元）`,
      { field: 'investmentCompleted', max },
    );
  }
  const milestones: ProjectMilestone[] = (data.milestones ?? []).map((m, index) => {
    const title = text(m.title);
    if (!title || !isLocalDate(m.date) || typeof m.done !== 'boolean')
      throw projectError('PROJECT.INVALID_MILESTONE', { index });
    return { title, date: m.date, done: m.done };
  });
  const evidence =
    data.evidence && data.evidence.length > 0
      ? cleanEvidence(data.evidence, (_, index) => projectError('PROJECT.INVALID_EVIDENCE', { index }))
      : [];
  return [
    {
      type: 'ProjectProgressReported',
      data: {
        projectId: def.id,
        reportId: `p${state.reports.length + 1}`,
        department,
        phase: data.phase,
        investmentCompleted: hundredths / 100,
        investmentCompletedHundredths: hundredths,
        milestones,
        note: text(data.note),
        evidence,
        reportedAt,
      },
    },
  ];
}

function setSupervisor(command: SetProjectSupervisor, state: ProjectState, def: ProjectDefinition): ProjectEvent[] {
  if (command.metadata.actor.role !== 'office')
    throw projectError('PROJECT.OFFICE_ONLY', { role: command.metadata.actor.role });
  const { departments } = command.data;
  const named =
    Array.isArray(departments) &&
    departments.length > 0 &&
    departments.every((d) => typeof d === 'string' && d.trim() !== '' && d === d.trim());
  if (!named || new Set(departments).size !== departments.length)
    throw projectError('PROJECT.INVALID_DEPARTMENTS', { departments });
  const reason = text(command.data.reason);
  if (!reason) throw projectError('PROJECT.REASON_REQUIRED');
  const previous = supervisorsOf(state, def.supervising);
  if (previous.length === departments.length && previous.every((d) => departments.includes(d))) return [];
  return [
    {
      type: 'ProjectSupervisorSet',
      data: { departments: [...departments], previous: [...previous], reason, setAt: at(command.metadata) },
    },
  ];
}
