import { api } from '../api/client';
import { ApiError, type ErrorBody } from '../api/errors';
import type { BoardItem } from '../api/responses';
import type { paths } from '../api/schema';
import { showError } from '../components/show-error';

type BoardQuery = NonNullable<paths['/board']['get']['parameters']['query']>;
export type BoardFilters = Pick<BoardQuery, 'system' | 'status' | 'light' | 'department' | 'year' | 'asOf'>;

const KEYS = ['system', 'status', 'light', 'department', 'asOf'] as const;

/** The board's filters from the address (?system=…&light=red&year=2023&asOf=…); unknown values are the api's to refuse. */
export function filtersFrom(params: URLSearchParams): BoardFilters {
  const filters: Record<string, string | number> = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const year = Number(params.get('year'));
  if (Number.isInteger(year) && year > 0) filters.year = year;
  return filters as BoardFilters;
}

interface Option<T> {
  value: T;
  label: string;
}

const byLabel = <T>(a: Option<T>, b: Option<T>) => a.label.localeCompare(b.label, 'zh-CN');

/** The choices of the board's filters, taken from the tasks themselves (names are picked, never typed). */
export function boardFilterOptions(tasks: readonly BoardItem[]) {
  const systems = new Map<string, string>();
  const statuses = new Map<NonNullable<BoardFilters['status']>, string>();
  const departments = new Set<string>();
  const years = new Set<number>();
  for (const task of tasks) {
    systems.set(task.system, task.system);
    statuses.set(task.status as NonNullable<BoardFilters['status']>, task.statusLabel);
    task.departments.forEach((d) => departments.add(d.name));
    for (const year of task.window.match(/20\d\d/g) ?? []) years.add(Number(year));
  }
  const first = Math.min(...years);
  const last = Math.max(...years);
  const span: number[] = [];
  for (let year = first; Number.isFinite(first) && year <= last; year++) span.push(year);
  return {
    systems: [...systems.keys()].map((value) => ({ value, label: value })).sort(byLabel),
    statuses: [...statuses].map(([value, label]) => ({ value, label })),
    lights: [
      { value: 'red' as const, label: '红' },
      { value: 'yellow' as const, label: '黄' },
      { value: 'green' as const, label: '绿' },
    ],
    departments: [...departments].map((value) => ({ value, label: value })).sort(byLabel),
    years: span.map((value) => ({ value, label: `${value}年` })),
  };
}

/** 导出 Excel: the board's .xlsx with the same filters, saved under the name the api gives. */
export async function downloadBoard(filters: BoardFilters): Promise<void> {
  const { data, error, response } = await api.GET('/board.xlsx', { params: { query: filters }, parseAs: 'blob' });
  if (!response.ok || !data) return showError(new ApiError(response.status, (error ?? {}) as ErrorBody));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  saveBlob(data, encoded ? decodeURIComponent(encoded) : '任务台账.xlsx');
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
