/**
 * The column layout of the plan's task list (附件3), shared by the reader and the template
 * writer so both agree on what a task sheet looks like.
 */
import type { PlanSystem, PlanTask } from '../plan.schema';
import { SYSTEM_NAMES } from '../plan.vocabulary';

export type TaskField = 'code' | 'area' | 'text' | 'lead' | 'cooperating' | 'window';

export interface TaskColumn {
  readonly field: TaskField;
  /** What the template writes and what messages call the column. */
  readonly title: string;
  /** Header spellings seen in offices' sheets, compared with all whitespace removed. */
  readonly aliases: readonly string[];
  /** The cell a task writes into this column: the raw text, never a re-joined list. */
  readonly of: (task: PlanTask) => string;
}

export const TASK_COLUMNS: readonly TaskColumn[] = [
  { field: 'code', title: '序号', aliases: ['序号', '编号'], of: (t) => t.code },
  { field: 'area', title: '领域', aliases: ['领域'], of: (t) => t.area },
  { field: 'text', title: '任务清单', aliases: ['任务清单', '任务'], of: (t) => t.text },
  { field: 'lead', title: '牵头单位', aliases: ['牵头单位'], of: (t) => t.leadRaw },
  { field: 'cooperating', title: '配合单位', aliases: ['配合单位'], of: (t) => t.cooperatingRaw },
  { field: 'window', title: '时间', aliases: ['时间', '时限', '完成时限'], of: (t) => t.window },
];

export const TASK_CODE = /^([A-Z])-(\d+)$/;

const ORDINALS = ['一', '二', '三', '四'] as const;

/** The plans' four systems and letters, for sheets read without a plan at hand. */
export const DEFAULT_SYSTEMS: readonly PlanSystem[] = SYSTEM_NAMES.map((name, i) => ({
  code: String.fromCharCode(65 + i),
  name,
  heading: `${ORDINALS[i] ?? ''}、${name}`,
}));

/** Headers are typed by hand: "牵头\n单位", " 时间 " and full-width spaces all occur. */
export function squeeze(text: string): string {
  return text.replace(/\s+/gu, '');
}

export function fieldOfHeader(text: string): TaskField | null {
  const key = squeeze(text);
  return TASK_COLUMNS.find((column) => column.aliases.includes(key))?.field ?? null;
}

/** "一、", "（一）", "1." before a heading; a count such as "（15项）" after it. */
const ORDINAL_PREFIX = /^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|\d+[、.．])/u;
const TRAILING_NOTE = /[（(][^（）()]*[)）]$/u;

/** The system a heading row names ("一、制度体系建设" or "制度体系建设"), if any. */
export function systemOfHeading(text: string, systems: readonly PlanSystem[]): PlanSystem | null {
  const key = squeeze(text);
  const bare = key.replace(ORDINAL_PREFIX, '').replace(TRAILING_NOTE, '');
  return systems.find((s) => squeeze(s.heading) === key || s.name === bare || s.name === key) ?? null;
}

/** A numbered heading the caller's systems do not know: reported rather than read as a task. */
export function looksLikeHeading(text: string): boolean {
  return ORDINAL_PREFIX.test(squeeze(text));
}
