import { shanghaiDate } from '@zw/clock';
import type { AssignmentRequest, MilestonePlan, TaskFacts } from '@zw/domain';
import { parseTimeWindow, type Plan, type PlanTask } from '@zw/plan';
import { findWorkday } from 'chinese-days';
import { registryOf } from './departments';

/** Working days a department has to acknowledge (签收) what it was given, by default. */
export const ACKNOWLEDGE_WORKING_DAYS = 3;

/**
 * The last day of an acknowledgement period: `days` working days after `today` by the
 * Chinese calendar, with public holidays and 调休 make-up workdays (chinese-days).
 */
export function workingDaysAfter(today: string, days: number): string {
  return findWorkday(days, today);
}

export interface AssignmentDefaults {
  readonly request: AssignmentRequest;
  /** Names of the plan row that cannot be assigned as written (generic, external, self-cooperation). */
  readonly notAssigned: ReadonlyArray<{ name: string; reason: string }>;
}

/**
 * What an assignment of a plan row is when the office says nothing more: the plan's lead and
 * cooperating departments under their canonical names, one milestone per year of the window
 * (each due 31 December, the last completing the task), no milestones for 持续开展.
 */
export function assignmentDefaults(plan: Plan, row: PlanTask, now: Date): AssignmentDefaults {
  const registry = registryOf(plan);
  const notAssigned: Array<{ name: string; reason: string }> = [];
  const canonical = (names: readonly string[]) =>
    names.flatMap((name) => {
      const unit = registry.resolve(name);
      if (unit.kind === 'department') return [unit.canonical];
      notAssigned.push({
        name,
        reason: unit.kind === 'generic' ? '泛指，需由无废办指定具体部门' : '非责任清单内部门（外部单位或未知名称）',
      });
      return [];
    });
  const lead = [...new Set(canonical(row.lead))];
  const cooperating = [...new Set(canonical(row.cooperating))].filter((name) => {
    if (!lead.includes(name)) return true;
    notAssigned.push({ name, reason: '配合单位与牵头单位相同' });
    return false;
  });
  const parsed = parseTimeWindow(row.window);
  if (!parsed.ok) throw new Error(parsed.error.message);
  const window = parsed.window;
  const ongoing = window.kind === 'ongoing';
  // Years already over when the task is assigned get no milestone of their own.
  const thisYear = Number(shanghaiDate(now).slice(0, 4));
  const milestones: MilestonePlan[] =
    window.kind === 'dated'
      ? window.milestones
          .filter((m) => m.year >= thisYear || m.final)
          .map((m) => ({
            milestoneId: `y${m.year}`,
            title:
              window.milestones.length === 1 ? '完成任务' : m.final ? `${m.year}年：完成任务` : `${m.year}年度目标`,
            dueDate: m.due,
            owner: lead[0] ?? '',
          }))
      : [];
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
    milestones,
    acknowledgeBy: workingDaysAfter(shanghaiDate(now), ACKNOWLEDGE_WORKING_DAYS),
    ...(ongoing ? { reporting: 'quarterly' as const } : {}),
  };
  return { request, notAssigned };
}
