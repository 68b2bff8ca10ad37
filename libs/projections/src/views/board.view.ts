import {
  ACKNOWLEDGEMENT_LABELS,
  acknowledgementProgress,
  daysBetween,
  MILESTONE_LABELS,
  milestoneProgress,
  PART_ROLE_LABELS,
  STATUS_LABELS,
  type LocalDate,
  type TaskStatus,
} from '@zw/domain';
import type { TaskRow } from '../rows/task-row';
import { actualProgress, expectedProgress, lightOf, type Light } from './light';
import type { LightColour, LightRules } from './light.rules';
import { movesOf, type Move } from './moves';
import { byCode, windowCovers, type PlanTaskLine } from './plan-task';

export interface BoardFilters {
  readonly department?: string;
  readonly role?: 'lead' | 'cooperating';
  /** System name (制度体系建设 …) or its short form (制度/技术/市场/监管). */
  readonly system?: string;
  readonly status?: TaskStatus;
  readonly light?: LightColour;
  readonly year?: number;
}

export interface BoardDepartment {
  readonly name: string;
  readonly role: 'lead' | 'cooperating';
  readonly roleLabel: string;
  readonly acknowledgeBy: LocalDate | null;
  readonly acknowledgedAt: string | null;
  readonly acknowledgement: 'pending' | 'overdue' | 'acknowledged' | 'acknowledged_late' | 'not_assigned';
  readonly acknowledgementLabel: string;
}

export interface BoardItem {
  readonly code: string;
  readonly title: string;
  readonly system: string;
  readonly area: string;
  readonly window: string;
  readonly status: TaskStatus;
  readonly statusLabel: string;
  readonly dueDate: LocalDate | null;
  readonly daysLeft: number | null;
  readonly light: Light;
  readonly departments: readonly BoardDepartment[];
  readonly milestones: ReadonlyArray<{
    milestoneId: string;
    title: string;
    owner: string;
    dueDate: LocalDate;
    done: boolean;
    statusLabel: string;
    completedAt: string | null;
    late: boolean | null;
  }>;
  readonly progress: { readonly actual: number; readonly expected: number | null } | null;
  readonly currentResponsible: readonly Move[];
  readonly revision: number | null;
}

const ACK_LABELS = ACKNOWLEDGEMENT_LABELS;

/** One board line: from the row when the task was ever assigned, else from the plan's list. */
export function boardItem(
  line: PlanTaskLine | undefined,
  row: TaskRow | undefined,
  today: LocalDate,
  rules: LightRules,
): BoardItem {
  const state = row?.state ?? { status: 'unassigned' as const };
  const base = {
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    revision: row && row.revision >= 0 ? row.revision : null,
  };
  const light = row ? lightOf(row, today, rules) : { colour: null, label: '未交办', reasons: [] };
  const currentResponsible = movesOf(state, today);
  if (state.status === 'unassigned') {
    const l = line ?? { code: row?.code ?? '', system: '', area: '', text: '', lead: [], cooperating: [], window: '' };
    const part =
      (role: 'lead' | 'cooperating') =>
      (name: string): BoardDepartment => ({
        name,
        role,
        roleLabel: PART_ROLE_LABELS[role],
        acknowledgeBy: null,
        acknowledgedAt: null,
        acknowledgement: 'not_assigned',
        acknowledgementLabel: ACK_LABELS.not_assigned,
      });
    return {
      ...base,
      code: l.code,
      title: l.text,
      system: l.system,
      area: l.area,
      window: l.window,
      dueDate: null,
      daysLeft: null,
      light,
      departments: [...l.lead.map(part('lead')), ...l.cooperating.map(part('cooperating'))],
      milestones: [],
      progress: null,
      currentResponsible,
    };
  }
  const { task } = state;
  const open = state.status !== 'accepted' && state.status !== 'cancelled';
  return {
    ...base,
    code: task.facts.code,
    title: task.facts.title,
    system: task.facts.system,
    area: task.facts.area,
    window: task.facts.window,
    dueDate: task.dueDate,
    daysLeft: task.dueDate && open ? daysBetween(today, task.dueDate, 'calendar') : null,
    light,
    departments: [...task.parts].map(([name, p]) => {
      const ack = acknowledgementProgress(p, today);
      return {
        name,
        role: p.role,
        roleLabel: PART_ROLE_LABELS[p.role],
        acknowledgeBy: p.acknowledgeBy,
        acknowledgedAt: p.acknowledged?.at ?? null,
        acknowledgement: ack,
        acknowledgementLabel: ACK_LABELS[ack],
      };
    }),
    milestones: [...task.milestones.values()].map((m) => ({
      milestoneId: m.milestoneId,
      title: m.title,
      owner: m.owner,
      dueDate: m.dueDate,
      done: !!m.completion,
      statusLabel: MILESTONE_LABELS[milestoneProgress(m, today)],
      completedAt: m.completion?.at ?? null,
      late: m.completion ? m.completion.late : null,
    })),
    progress: { actual: actualProgress(task), expected: expectedProgress(task, today) ?? null },
    currentResponsible,
  };
}

/** The board: every task of the plan (assigned or not) plus tasks the office created, filtered. */
export function boardView(
  lines: readonly PlanTaskLine[],
  rows: readonly TaskRow[],
  today: LocalDate,
  rules: LightRules,
  filters: BoardFilters = {},
): BoardItem[] {
  return filterBoard(fullBoard(lines, rows, today, rules), filters);
}

/** Every line of the board, in plan order: what a cache keeps (it depends only on its inputs). */
export function fullBoard(
  lines: readonly PlanTaskLine[],
  rows: readonly TaskRow[],
  today: LocalDate,
  rules: LightRules,
): BoardItem[] {
  const byCodeRow = new Map(rows.map((r) => [r.code, r]));
  const codes = new Map<string, PlanTaskLine | undefined>(lines.map((l) => [l.code, l]));
  for (const r of rows) if (!codes.has(r.code)) codes.set(r.code, undefined);
  return [...codes].map(([code, line]) => boardItem(line, byCodeRow.get(code), today, rules)).sort(byCode);
}

export function filterBoard(items: readonly BoardItem[], filters: BoardFilters): BoardItem[] {
  return items.filter((item) => matches(item, filters));
}

function matches(item: BoardItem, f: BoardFilters): boolean {
  if (
    f.department !== undefined &&
    !item.departments.some((d) => d.name === f.department && (!f.role || d.role === f.role))
  )
    return false;
  if (f.system !== undefined && !item.system.startsWith(f.system)) return false;
  if (f.status !== undefined && item.status !== f.status) return false;
  if (f.light !== undefined && item.light.colour !== f.light) return false;
  if (f.year !== undefined && !windowCovers(item.window, f.year)) return false;
  return true;
}
