import {
  ACKNOWLEDGEMENT_LABELS,
  EXTENSION_STATUS_LABELS,
  MILESTONE_LABELS,
  STATUS_LABELS,
  TASK_EVENTS,
  type TaskState,
} from '@zw/domain';
import type { RecordedEvent } from '@zw/event-store';
import { applyToRow, newTaskRow } from '../rows/task-row';

/** What each event means to a reader of the audit trail. */
export const EVENT_LABELS: Record<string, string> = Object.fromEntries(
  Object.entries(TASK_EVENTS).map(([type, info]) => [type, info.label]),
);

export interface FieldChange {
  readonly field: string;
  readonly from: string | null;
  readonly to: string | null;
}

/**
 * Each event of a task's stream with who did it, when, and the fields it changed (old → new),
 * found by folding the stream and comparing what a reader sees before and after each event.
 */
export function auditTrailView(events: readonly RecordedEvent[]) {
  if (events.length === 0) return [];
  const row = newTaskRow(events[0]!.streamId);
  if (!row) return [];
  let before = readable(row.state);
  return events.map((event) => {
    applyToRow(row, event);
    const after = readable(row.state);
    const changes = diff(before, after);
    before = after;
    const m = event.metadata;
    return {
      revision: Number(event.revision),
      position: event.position.toString(),
      type: event.type,
      // A type this version does not know (a newer replica's) is listed, not explained.
      action: EVENT_LABELS[event.type] ?? '其他事件（本版本无法识别）',
      occurredAt: m.occurredAt,
      recordedAt: event.recordedAt,
      actor: { id: m.actorId, role: m.role, department: m.department ?? null },
      data: event.data,
      changes,
      hash: typeof m.hash === 'string' ? m.hash : null,
    };
  });
}

function diff(before: Map<string, string>, after: Map<string, string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, to] of after)
    if (before.get(field) !== to) changes.push({ field, from: before.get(field) ?? null, to });
  for (const [field, from] of before) if (!after.has(field)) changes.push({ field, from, to: null });
  return changes;
}

/** The facts a reader cares about, flattened to labelled strings so any two states can be compared. */
function readable(state: TaskState): Map<string, string> {
  const out = new Map<string, string>([['状态', STATUS_LABELS[state.status]]]);
  if (state.status === 'unassigned') return out;
  const { task } = state;
  const names = (role: string) =>
    [...task.parts]
      .filter(([, p]) => p.role === role)
      .map(([d]) => d)
      .join('、');
  out.set('牵头单位', names('lead'));
  out.set('配合单位', names('cooperating'));
  if (task.dueDate) out.set('期限', task.dueDate);
  for (const [d, p] of task.parts) {
    out.set(`签收期限（${d}）`, p.acknowledgeBy);
    out.set(
      `签收（${d}）`,
      p.acknowledged
        ? `${ACKNOWLEDGEMENT_LABELS[p.acknowledged.late ? 'acknowledged_late' : 'acknowledged']} ${p.acknowledged.at}`
        : ACKNOWLEDGEMENT_LABELS.pending,
    );
  }
  const titles = [...task.milestones.values()].map((m) => m.title);
  for (const m of task.milestones.values()) {
    // Two milestones may share a title: their id then tells the fields apart.
    const name =
      titles.filter((t) => t === m.title).length > 1
        ? `里程碑「${m.title}」（${m.milestoneId}）`
        : `里程碑「${m.title}」`;
    out.set(`${name}期限`, m.dueDate);
    out.set(`${name}负责单位`, m.owner);
    out.set(
      `${name}状态`,
      m.completion
        ? `${MILESTONE_LABELS[m.completion.late ? 'done_late' : 'done']}（${m.completion.department}）`
        : MILESTONE_LABELS.open,
    );
  }
  for (const [d, p] of task.progress) out.set(`进度（${d}）`, `${p.percent}%`);
  for (const [period, ds] of task.periodicReports) out.set(`阶段进展 ${period}`, ds.join('、'));
  for (const x of task.extensions.values())
    out.set(
      `延期申请 ${x.extensionId}`,
      `${EXTENSION_STATUS_LABELS[x.status]}（${x.previousDueDate} → ${x.newDueDate}）`,
    );
  if ('signOff' in state)
    for (const d of state.signOff.awaiting) out.set(`会签（${d}）`, state.signOff.signed.has(d) ? '已会签' : '待会签');
  return out;
}
