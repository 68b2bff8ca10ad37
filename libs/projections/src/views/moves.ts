import { leadsOf, type LocalDate, type TaskState } from '@zw/domain';
import { missingReports } from './reports';

/** 当前责任方: who has to act on a task now, and what they have to do. */
export interface Move {
  readonly party: string;
  readonly action: string;
  readonly dueDate: LocalDate | null;
  readonly overdue: boolean;
}

export const OFFICE_PARTY = '无废办';

export function movesOf(state: TaskState, today: LocalDate): Move[] {
  if (state.status === 'unassigned')
    return [{ party: OFFICE_PARTY, action: '交办任务', dueDate: null, overdue: false }];
  if (state.status === 'accepted' || state.status === 'cancelled') return [];
  const { task } = state;
  const move = (party: string, action: string, dueDate: LocalDate | null): Move => ({
    party,
    action,
    dueDate,
    overdue: dueDate !== null && dueDate < today,
  });
  const moves: Move[] = [];
  for (const [department, part] of task.parts)
    if (!part.acknowledged) moves.push(move(department, '签收', part.acknowledgeBy));
  for (const x of task.extensions.values())
    if (x.status === 'pending') moves.push(move(OFFICE_PARTY, `审批延期申请（${x.requestedBy}）`, null));
  switch (state.status) {
    case 'assigned':
      // Until every lead has acknowledged, acknowledging is the move; the work follows it.
      return moves;
    case 'in_progress': {
      const open = [...task.milestones.values()].filter((m) => !m.completion);
      for (const m of open) moves.push(move(m.owner, `完成里程碑「${m.title}」`, m.dueDate));
      if (task.reporting) {
        for (const m of missingReports(task, today)) moves.push(move(m.department, `报送 ${m.period} 进展`, m.dueBy));
      } else if (open.length === 0) {
        for (const d of leadsOf(task)) moves.push(move(d, '提请会签/办结', task.dueDate));
      }
      return moves;
    }
    case 'sign_off_requested':
      for (const d of state.signOff.awaiting)
        if (!state.signOff.signed.has(d)) moves.push(move(d, '会签', task.dueDate));
      return moves;
    case 'awaiting_acceptance':
      moves.push(move(OFFICE_PARTY, '验收办结', null));
      return moves;
    default: {
      const never: never = state;
      throw new Error(`unknown status ${JSON.stringify(never)}`);
    }
  }
}
