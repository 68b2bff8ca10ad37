import type { LocalDate } from '@zw/domain';
import type { TaskRow } from '../rows/task-row';
import { missingReports } from './reports';

/** Overdue items a department holds now, by kind: the ranking's first key and the overviews' columns. */
export interface OverdueFigures {
  acknowledgements: number;
  milestones: number;
  tasks: number;
  reports: number;
  items: number;
}

export const emptyOverdue = (): OverdueFigures => ({
  acknowledgements: 0,
  milestones: 0,
  tasks: 0,
  reports: 0,
  items: 0,
});

/**
 * Every department's overdue items in one pass over the rows — the same counts as each
 * department's accountability view (`figures.overdueItems` and its parts; a test holds them
 * equal), without a pass per department: the city overview asks this of every district.
 * 签收 not given by its deadline; milestones it owns past due; tasks it leads past due and
 * not yet handed in; periodic reports of ongoing tasks past their grace days.
 */
export function overdueByDepartment(rows: readonly TaskRow[], today: LocalDate): Map<string, OverdueFigures> {
  const out = new Map<string, OverdueFigures>();
  const add = (department: string, kind: Exclude<keyof OverdueFigures, 'items'>) => {
    let figures = out.get(department);
    if (!figures) out.set(department, (figures = emptyOverdue()));
    figures[kind] += 1;
    figures.items += 1;
  };
  for (const { state } of rows) {
    if (state.status === 'unassigned' || state.status === 'accepted' || state.status === 'cancelled') continue;
    const { task } = state;
    for (const [department, part] of task.parts) {
      if (!part.acknowledged && part.acknowledgeBy < today) add(department, 'acknowledgements');
      const working = state.status === 'assigned' || state.status === 'in_progress';
      if (part.role === 'lead' && working && task.dueDate && task.dueDate < today) add(department, 'tasks');
    }
    for (const m of task.milestones.values()) if (!m.completion && m.dueDate < today) add(m.owner, 'milestones');
    for (const r of missingReports(task, today)) if (r.overdue) add(r.department, 'reports');
  }
  return out;
}

export function sumOverdue(figures: Iterable<OverdueFigures>): OverdueFigures {
  const total = emptyOverdue();
  for (const f of figures) {
    total.acknowledgements += f.acknowledgements;
    total.milestones += f.milestones;
    total.tasks += f.tasks;
    total.reports += f.reports;
    total.items += f.items;
  }
  return total;
}
