import { EXTENSION_STATUS_LABELS, PART_ROLE_LABELS, STATUS_LABELS, type TaskState } from '@zw/domain';

/** A task's state as JSON for people: Maps become lists, statuses get their Chinese labels. */
export function taskView(state: TaskState, revision: bigint | undefined) {
  const base = {
    status: state.status,
    statusLabel: STATUS_LABELS[state.status],
    revision: revision?.toString() ?? null,
  };
  if (state.status === 'unassigned') return base;
  const t = state.task;
  return {
    ...base,
    ...t.facts,
    source: t.source,
    dueDate: t.dueDate,
    originalDueDate: t.originalDueDate,
    reporting: t.reporting,
    assignedAt: t.assignedAt,
    departments: [...t.parts].map(([name, p]) => ({
      name,
      role: p.role,
      roleLabel: PART_ROLE_LABELS[p.role],
      acknowledgeBy: p.acknowledgeBy,
      acknowledged: p.acknowledged ?? null,
      acknowledgementLabel: p.acknowledged ? (p.acknowledged.late ? '逾期签收' : '已签收') : '待签收',
    })),
    milestones: [...t.milestones.values()].map((m) => ({
      ...m,
      completion: m.completion ?? null,
      statusLabel: m.completion ? '已完成' : '未完成',
    })),
    extensions: [...t.extensions.values()].map((x) => ({ ...x, statusLabel: EXTENSION_STATUS_LABELS[x.status] })),
    progress: Object.fromEntries(t.progress),
    periodicReports: Object.fromEntries(t.periodicReports),
    ...('signOff' in state ? { signOff: { ...state.signOff, signed: Object.fromEntries(state.signOff.signed) } } : {}),
    ...('acceptance' in state ? { acceptance: state.acceptance } : {}),
    ...('cancellation' in state ? { cancellation: state.cancellation } : {}),
  };
}
