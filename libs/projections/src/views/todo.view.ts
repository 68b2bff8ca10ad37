import {
  addCalendarDays,
  cooperatingOf,
  DEFAULT_REPORTING_SCHEDULE,
  periodDeadlines,
  type IndicatorDefinition,
  type IndicatorState,
  type LocalDate,
  type ReportingSchedule,
  type TaskRecord,
} from '@zw/domain';
import type { TaskRow } from '../rows/task-row';
import { dayOf } from './dates';
import { missingReports } from './reports';
import { get, post, todoItem, type TodoItem } from './todo.item';

export interface TodoIndicator {
  readonly def: IndicatorDefinition;
  readonly state: IndicatorState;
}

export interface TodoInput {
  readonly rows: readonly TaskRow[];
  readonly indicators: readonly TodoIndicator[];
  readonly today: LocalDate;
  /** Milestones and indicator reports enter the list this many days before they are due (30). */
  readonly horizonDays?: number;
  /** Extension decisions and 督办 stay on the list this many days (7). */
  readonly recentDays?: number;
  readonly schedule?: ReportingSchedule;
  /** 黄 within this many days: the board's light rule (LIGHT_DUE_SOON_DAYS, 30). */
  readonly dueSoonDays?: number;
}

export type TodoWho =
  { readonly role: 'department'; readonly department: string } | { readonly role: 'office' | 'leader' | 'admin' };

/**
 * 我的待办: what the signed-in user must do now, folded from the read model (no store of its
 * own). Each item names the route of the action that clears it; doing that action removes the
 * item from the next answer. Rules per role: docs/projections.md (我的待办).
 * The user's items by due date (the most overdue first), undated last. */
export function todoFor(who: TodoWho, input: TodoInput): TodoItem[] {
  const items =
    who.role === 'department'
      ? departmentTodo(who.department, input)
      : who.role === 'office'
        ? officeTodo(input)
        : who.role === 'leader'
          ? leaderTodo(input)
          : [];
  return items.sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.code.localeCompare(b.code, 'en'),
  );
}

const open = (row: TaskRow): TaskRecord | undefined =>
  ['assigned', 'in_progress', 'sign_off_requested', 'awaiting_acceptance'].includes(row.state.status) &&
  'task' in row.state
    ? row.state.task
    : undefined;

function departmentTodo(department: string, input: TodoInput): TodoItem[] {
  const out: TodoItem[] = [];
  const horizon = addCalendarDays(input.today, input.horizonDays ?? 30);
  const recent = addCalendarDays(input.today, -(input.recentDays ?? 7));
  for (const row of input.rows) {
    const task = open(row);
    const part = task?.parts.get(department);
    if (!task || !part) continue;
    const { code, title } = task.facts;
    const at = `/tasks/${code}`;
    if (!part.acknowledged)
      out.push(todoItem(input, 'acknowledge', code, title, part.acknowledgeBy, '', post(`${at}/acknowledgements`)));
    if (row.state.status === 'in_progress') {
      for (const m of task.milestones.values()) {
        if (m.completion || m.owner !== department || m.dueDate > horizon) continue;
        const route = `${at}/milestones/${m.milestoneId}/completion`;
        out.push(todoItem(input, 'milestone', code, title, m.dueDate, m.title, post(route)));
      }
      for (const r of missingReports(task, input.today).filter((r) => r.department === department))
        out.push(todoItem(input, 'periodic-report', code, title, r.dueBy, r.period, post(`${at}/periodic-reports`)));
      if (part.role === 'lead' && row.returned)
        out.push(todoItem(input, 'returned', code, title, null, row.returned.reason, post(`${at}/sign-off-request`)));
    }
    if (
      row.state.status === 'sign_off_requested' &&
      cooperatingOf(task).includes(department) &&
      row.state.signOff.awaiting.includes(department)
    )
      out.push(todoItem(input, 'sign-off', code, title, null, '', post(`${at}/sign-offs`)));
    for (const x of task.extensions.values()) {
      if (x.requestedBy !== department || !x.decision || dayOf(x.decision.at) < recent) continue;
      if (x.status !== 'approved' && x.status !== 'rejected') continue;
      const detail = `${x.status === 'approved' ? '已批准' : '未批准'}：${x.previousDueDate} → ${x.newDueDate}`;
      out.push(todoItem(input, 'extension-decided', code, title, null, detail, get(at)));
    }
  }
  for (const { def, state } of input.indicators) {
    const responsible = state.responsible?.departments ?? def.responsible;
    if (!responsible.includes(department)) continue;
    for (const d of periodDeadlines(def, input.schedule ?? DEFAULT_REPORTING_SCHEDULE)) {
      if (d.dueDate > horizon) continue;
      const reported = [...state.reports.values()].some(
        (r) => r.period === d.period && r.department === department && r.status !== 'rejected' && !r.supersededBy,
      );
      if (reported) continue;
      const route = `/indicators/${def.id}/reports`;
      out.push(
        todoItem(input, 'indicator-report', `indicator:${def.id}`, def.row.level3, d.dueDate, d.period, post(route)),
      );
    }
  }
  return out;
}

function officeTodo(input: TodoInput): TodoItem[] {
  const out: TodoItem[] = [];
  for (const row of input.rows) {
    const task = open(row);
    if (!task) continue;
    const { code, title } = task.facts;
    const at = `/tasks/${code}`;
    for (const x of task.extensions.values()) {
      if (x.status !== 'pending') continue;
      const detail = `${x.requestedBy}：${x.previousDueDate} → ${x.newDueDate}`;
      const route = `${at}/extensions/${x.extensionId}/approval`;
      out.push(todoItem(input, 'extension-to-decide', code, title, x.previousDueDate, detail, post(route)));
    }
    if (row.state.status === 'awaiting_acceptance')
      out.push(todoItem(input, 'acceptance', code, title, task.dueDate, '', post(`${at}/acceptance`)));
    for (const [department, part] of task.parts) {
      if (part.acknowledged || part.acknowledgeBy >= input.today) continue;
      out.push(todoItem(input, 'acknowledgement-overdue', code, title, part.acknowledgeBy, department, get(at)));
    }
    if (row.objection && row.state.status === 'in_progress') {
      const detail = `${row.objection.department}：${row.objection.reason}`;
      out.push(todoItem(input, 'objection', code, title, null, detail, get(at)));
    }
  }
  for (const { def, state } of input.indicators) {
    for (const r of state.reports.values()) {
      if (r.status !== 'pending' || r.supersededBy) continue;
      const route = `/indicators/${def.id}/reports/${r.reportId}/confirmation`;
      const detail = `${r.department} ${r.period}`;
      out.push(
        todoItem(input, 'indicator-to-confirm', `indicator:${def.id}`, def.row.level3, null, detail, post(route)),
      );
    }
  }
  return out;
}

/** 督办 to leadership within the recent days, for tasks still open. */
function leaderTodo(input: TodoInput): TodoItem[] {
  const recent = addCalendarDays(input.today, -(input.recentDays ?? 7));
  const out: TodoItem[] = [];
  for (const row of input.rows) {
    const task = open(row);
    if (!task) continue;
    const escalations = row.recentDeliveries.filter(
      (d) => d.type === 'EscalationSent' && d.level === 'leadership' && dayOf(d.at) >= recent,
    );
    const last = escalations.at(-1);
    if (!last) continue;
    const { code, title } = task.facts;
    out.push(
      todoItem(
        input,
        'escalation',
        code,
        title,
        task.dueDate,
        `${last.department}（${dayOf(last.at)}）`,
        get(`/tasks/${code}`),
      ),
    );
  }
  return out;
}
