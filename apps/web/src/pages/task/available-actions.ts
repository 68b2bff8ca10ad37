import type { SessionUser } from '../../auth/session';
import type { AssignedTaskView } from '../../api/responses';

/** What a signed-in person may do on a task now, by the state machine in docs/task-state-machine.md. */
export type TaskAction =
  | 'acknowledge'
  | 'reportProgress'
  | 'completeMilestone'
  | 'requestSignOff'
  | 'signOff'
  | 'object'
  | 'requestExtension'
  | 'accept'
  | 'return'
  | 'decideExtension'
  | 'reassign'
  | 'cancel';

export const ACTION_LABELS: Record<TaskAction, string> = {
  acknowledge: '签收',
  reportProgress: '报送进展',
  completeMilestone: '完成里程碑',
  requestSignOff: '提交会签',
  signOff: '会签同意',
  object: '提出异议',
  requestExtension: '申请延期',
  accept: '办结',
  return: '退回',
  decideExtension: '延期审批',
  reassign: '改派',
  cancel: '撤销',
};

const WORKING = new Set(['assigned', 'in_progress']);
/** Every status a task can still be changed in (办结 and 撤销 close it for good). */
const OPEN = new Set(['assigned', 'in_progress', 'sign_off_requested', 'awaiting_acceptance']);

/** The actions to offer (the api decides again; a button never promises more than it can do). */
export function availableActions(task: AssignedTaskView, user: SessionUser): TaskAction[] {
  const actions: TaskAction[] = [];
  if (user.role === 'office') {
    if (task.status === 'awaiting_acceptance') actions.push('accept', 'return');
    if (task.status === 'sign_off_requested') actions.push('return');
    if (task.extensions.some((x) => x.status === 'pending')) actions.push('decideExtension');
    if (OPEN.has(task.status)) actions.push('reassign', 'cancel');
    return actions;
  }
  if (user.role !== 'department' || !user.department) return actions;
  const mine = task.departments.find((d) => d.name === user.department);
  if (!mine) return actions;
  const lead = mine.role === 'lead';
  if (!mine.acknowledged && WORKING.has(task.status)) actions.push('acknowledge');
  if (task.status === 'in_progress' && mine.acknowledged) {
    actions.push('reportProgress');
    if (openMilestonesFor(task, user.department, lead).length > 0) actions.push('completeMilestone');
    if (lead && task.milestones.every((m) => m.completion)) actions.push('requestSignOff');
  }
  const awaitingMe =
    task.signOff?.awaiting.includes(user.department) && !(user.department in (task.signOff?.signed ?? {}));
  if (task.status === 'sign_off_requested' && awaitingMe) actions.push('signOff', 'object');
  if (lead && WORKING.has(task.status)) actions.push('requestExtension');
  return actions;
}

/** Open milestones this department may complete: its own, or any as a lead. */
export function openMilestonesFor(task: AssignedTaskView, department: string, lead: boolean) {
  return task.milestones.filter((m) => !m.completion && (lead || m.owner === department));
}
