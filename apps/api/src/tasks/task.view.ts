import {
  ACKNOWLEDGEMENT_LABELS,
  acknowledgementProgress,
  EXTENSION_STATUS_LABELS,
  MILESTONE_LABELS,
  milestoneProgress,
  PART_ROLE_LABELS,
  STATUS_LABELS,
  type LocalDate,
  type TaskState,
} from '@zw/domain';

/**
 * A task's state as JSON for people: Maps become lists, statuses get their Chinese labels, the
 * same the board shows on `today` (libs/domain task.labels.ts).
 */
export function taskView(state: TaskState, revision: bigint | undefined, today: LocalDate) {
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
      acknowledgement: acknowledgementProgress(p, today),
      acknowledgementLabel: ACKNOWLEDGEMENT_LABELS[acknowledgementProgress(p, today)],
    })),
    milestones: [...t.milestones.values()].map((m) => ({
      ...m,
      completion: m.completion ?? null,
      progress: milestoneProgress(m, today),
      statusLabel: MILESTONE_LABELS[milestoneProgress(m, today)],
    })),
    extensions: [...t.extensions.values()].map((x) => ({ ...x, statusLabel: EXTENSION_STATUS_LABELS[x.status] })),
    progress: Object.fromEntries(t.progress),
    periodicReports: Object.fromEntries(t.periodicReports),
    ...('signOff' in state ? { signOff: { ...state.signOff, signed: Object.fromEntries(state.signOff.signed) } } : {}),
    ...('acceptance' in state ? { acceptance: state.acceptance } : {}),
    ...('cancellation' in state ? { cancellation: state.cancellation } : {}),
  };
}
