import {
  createDepartmentRegistry,
  milestoneTitle,
  parseTimeWindow,
  type DepartmentRegistry,
  type Plan,
  type PlanTask,
} from '@zw/plan';
import { addDays } from '../reminder/reminder.calendar';
import type { LocalDate } from '../shared/local-date';
import type { AssignmentRequest } from './task.commands';
import type { MilestonePlan, PartRole, TaskFacts } from './task.events';

/** Why a name written in the plan row is not among the departments the task is given to. */
export type NotAssignedCode = 'generic' | 'external' | 'unknown' | 'self_cooperation' | 'duplicate';

export interface NotAssigned {
  /** As the plan row writes it. */
  readonly name: string;
  readonly role: PartRole;
  readonly code: NotAssignedCode;
  readonly reason: string;
}

export interface AssignmentDefaults {
  readonly request: AssignmentRequest;
  /** Names of the plan row left out of the assignment, each with why: the office decides what to do about them. */
  readonly notAssigned: readonly NotAssigned[];
}

/** `settings.acknowledgeWorkingDays` working days after `today` by the Chinese calendar (holidays, 调休). */
export function acknowledgementDeadline(plan: Plan, today: LocalDate): LocalDate {
  return addDays(today, plan.settings.acknowledgeWorkingDays, 'working');
}

/**
 * What an assignment of a plan row is when the office says nothing more, by the plan file's
 * settings: the row's lead and cooperating departments under their canonical names, the
 * default milestones over the 时间 window (none for 持续开展, which reports instead), the 签收
 * deadline. Generic wording, external units, unknown names, a cooperating unit that is the
 * lead and an alias written beside its own department are left out and listed with the reason.
 * Throws on a window the plan parser does not know (the plan's validation report names those).
 */
export function assignmentDefaults(plan: Plan, row: PlanTask, today: LocalDate): AssignmentDefaults {
  const registry = registryOf(plan);
  const notAssigned: NotAssigned[] = [];
  const resolve = (role: PartRole, names: readonly string[], taken: readonly string[]): string[] => {
    const out: string[] = [];
    for (const name of names) {
      const unit = registry.resolve(name);
      if (unit.kind !== 'department') {
        notAssigned.push({ name, role, code: unit.kind, reason: REASONS[unit.kind] });
      } else if (taken.includes(unit.canonical) && role === 'cooperating') {
        notAssigned.push({ name, role, code: 'self_cooperation', reason: REASONS.self_cooperation });
      } else if (out.includes(unit.canonical)) {
        notAssigned.push({ name, role, code: 'duplicate', reason: `与“${unit.canonical}”为同一部门，已合并` });
      } else out.push(unit.canonical);
    }
    return out;
  };
  const lead = resolve('lead', row.lead, []);
  const cooperating = resolve('cooperating', row.cooperating, lead);

  const parsed = parseTimeWindow(row.window);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const window = parsed.window;
  const ongoing = window.kind === 'ongoing';
  const facts: TaskFacts = {
    planId: plan.id,
    code: row.code,
    title: row.text,
    text: row.text,
    system: row.system,
    area: row.area,
    window: row.window,
    ongoing,
  };
  const request: AssignmentRequest = {
    facts,
    lead,
    cooperating,
    dueDate: window.finalDue,
    milestones: window.kind === 'dated' ? defaultMilestones(plan, window.milestones, lead[0] ?? '', today) : [],
    acknowledgeBy: acknowledgementDeadline(plan, today),
    ...(ongoing ? { reporting: plan.settings.ongoingReporting } : {}),
  };
  return { request, notAssigned };
}

const REASONS = {
  generic: '泛指，需由无废办指定具体部门',
  external: '不是本计划责任清单中的部门（外部单位），不能交办',
  unknown: '不是本计划责任清单中的部门（无法识别的名称），不能交办',
  self_cooperation: '配合单位与牵头单位相同',
} as const;

function defaultMilestones(
  plan: Plan,
  milestones: ReadonlyArray<{ year: number; due: LocalDate; final: boolean }>,
  owner: string,
  today: LocalDate,
): MilestonePlan[] {
  const { cadence, skipPastYears, titles } = plan.settings.milestones;
  const thisYear = Number(today.slice(0, 4));
  const single = milestones.length === 1;
  return milestones
    .filter((m) => (cadence === 'final' ? m.final : m.final || !skipPastYears || m.year >= thisYear))
    .map((m) => ({
      milestoneId: `y${m.year}`,
      title: single ? titles.only : milestoneTitle(m.final ? titles.final : titles.year, m.year),
      dueDate: m.due,
      owner,
    }));
}

const registries = new WeakMap<Plan, DepartmentRegistry>();

/** One registry per plan object: callers keep one Plan object per revision of a plan. */
export function registryOf(plan: Plan): DepartmentRegistry {
  let registry = registries.get(plan);
  if (!registry) registries.set(plan, (registry = createDepartmentRegistry(plan)));
  return registry;
}
