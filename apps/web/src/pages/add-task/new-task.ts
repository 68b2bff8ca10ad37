import type { Dayjs } from 'dayjs';
import type { components } from '../../api/schema';

export interface NewTaskForm {
  system: string;
  code: string;
  area: string;
  text: string;
  window: string;
  lead: string[];
  cooperating?: string[];
  dueDate?: Dayjs;
  acknowledgeBy?: Dayjs;
}

export const CODE_PATTERN = /^[A-Z]-\d{1,3}$/;
export const WINDOW_PATTERN = /^(\d{4}|\d{4}-\d{4}|持续开展)$/;

interface Row {
  code: string;
  system: string;
}

/**
 * The next free code of a 体系: its letter as the plan's tasks of that 体系 use it, one past the
 * highest number among the plan's and the created tasks. Undefined when the 体系 has no task yet.
 */
export function nextTaskCode(rows: readonly Row[], system: string): string | undefined {
  const letter = rows.find((r) => r.system === system && CODE_PATTERN.test(r.code))?.code[0];
  if (!letter) return undefined;
  const numbers = rows.filter((r) => r.code.startsWith(`${letter}-`)).map((r) => Number(r.code.slice(2)) || 0);
  return `${letter}-${Math.max(0, ...numbers) + 1}`;
}

/** The 领域 already used in a 体系, in plan order, each once (offered, not imposed). */
export function areasOf(rows: readonly (Row & { area: string })[], system: string): string[] {
  return [...new Set(rows.filter((r) => r.system === system).map((r) => r.area))];
}

/** The POST /tasks body: texts trimmed, dates as YYYY-MM-DD, empty optional fields left to the api's defaults. */
export function newTaskBody(values: NewTaskForm): components['schemas']['CreateTaskDto'] {
  return {
    code: values.code.trim(),
    system: values.system,
    area: values.area.trim(),
    text: values.text.trim(),
    window: values.window.trim(),
    lead: values.lead,
    cooperating: (values.cooperating ?? []).filter((name) => !values.lead.includes(name)),
    ...(values.dueDate ? { dueDate: values.dueDate.format('YYYY-MM-DD') } : {}),
    ...(values.acknowledgeBy ? { acknowledgeBy: values.acknowledgeBy.format('YYYY-MM-DD') } : {}),
  };
}
