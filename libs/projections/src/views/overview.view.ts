import type { LocalDate } from '@zw/domain';
import type { TaskRow } from '../rows/task-row';
import type { BoardItem } from './board.view';
import { emptyOverdue, overdueByDepartment } from './overdue';

interface Tally {
  total: number;
  assigned: number;
  accepted: number;
  open: number;
  red: number;
  yellow: number;
  green: number;
}

const emptyTally = (): Tally => ({ total: 0, assigned: 0, accepted: 0, open: 0, red: 0, yellow: 0, green: 0 });

/** Counts and completion by system, area and year, and overdue items by department. */
export function overviewView(
  items: readonly BoardItem[],
  rows: readonly TaskRow[],
  departments: readonly string[],
  today: LocalDate,
) {
  const bySystem = new Map<string, Tally>();
  const byArea = new Map<string, Tally>();
  const byYear = new Map<string, Tally>();
  const total = emptyTally();
  for (const item of items) {
    const year = item.dueDate?.slice(0, 4) ?? (item.window.trim() === '' ? '未定' : item.window);
    for (const tally of [total, at(bySystem, item.system), at(byArea, item.area), at(byYear, year)]) count(tally, item);
  }
  const overdue = overdueByDepartment(rows, today);
  const byDepartment = departments
    .map((department) => {
      const f = overdue.get(department) ?? emptyOverdue();
      return {
        department,
        overdueItems: f.items,
        overdueAcknowledgements: f.acknowledgements,
        milestonesOverdue: f.milestones,
        tasksOverdue: f.tasks,
        reportsOverdue: f.reports,
      };
    })
    .filter((d) => d.overdueItems > 0)
    .sort((a, b) => b.overdueItems - a.overdueItems || a.department.localeCompare(b.department, 'zh-Hans-CN'));
  return {
    asOf: today,
    total: withRate(total),
    bySystem: list(bySystem, 'system'),
    byArea: list(byArea, 'area'),
    byYear: list(byYear, 'year').sort((a, b) => String(a.year).localeCompare(String(b.year))),
    overdueByDepartment: byDepartment,
  };
}

/** Counts by status and light of a board, with the completion rate (accepted of all but cancelled). */
export function tallyTasks(items: readonly BoardItem[]) {
  const tally = emptyTally();
  for (const item of items) count(tally, item);
  return withRate(tally);
}

function at(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = emptyTally()));
  return tally;
}

function count(tally: Tally, item: BoardItem): void {
  if (item.status === 'cancelled') return;
  tally.total += 1;
  if (item.status !== 'unassigned') tally.assigned += 1;
  if (item.status === 'accepted') tally.accepted += 1;
  else if (item.status !== 'unassigned') tally.open += 1;
  if (item.light.colour) tally[item.light.colour] += 1;
}

function withRate(t: Tally) {
  return { ...t, completionRate: t.total === 0 ? 0 : Math.round((t.accepted / t.total) * 1000) / 1000 };
}

function list<K extends string>(map: Map<string, Tally>, key: K) {
  return [...map].map(
    ([name, t]) => ({ [key]: name, ...withRate(t) }) as Record<K, string> & ReturnType<typeof withRate>,
  );
}
