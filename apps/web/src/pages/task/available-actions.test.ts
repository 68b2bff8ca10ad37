import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../auth/session';
import type { AssignedTaskView } from '../../api/responses';
import { availableActions } from './available-actions';

const ECO = '区生态环境局';
const ECON = '区经发局';
const dept = (department: string): SessionUser => ({
  username: department,
  displayName: department,
  role: 'department',
  department,
  mustChangePassword: false,
});
const office: SessionUser = {
  username: 'o',
  displayName: '王',
  role: 'office',
  department: null,
  mustChangePassword: false,
};
const ack = { at: '2023-03-02T09:00:00+08:00', late: false };

const round = { requestedBy: ECO, requestedAt: '2023-06-01T09:00:00+08:00', awaiting: [ECON] };

const task = (over: Partial<AssignedTaskView>): AssignedTaskView =>
  ({
    status: 'assigned',
    departments: [
      { name: ECO, role: 'lead', acknowledged: null },
      { name: ECON, role: 'cooperating', acknowledged: null },
    ],
    milestones: [{ milestoneId: 'y2023', owner: ECO, completion: null }],
    extensions: [],
    ...over,
  }) as AssignedTaskView;

describe('actions offered on the task page', () => {
  it('given an assigned task, then each assigned department may 签收 and the lead may 申请延期; an outsider nothing', () => {
    expect(availableActions(task({}), dept(ECO))).toEqual(['acknowledge', 'requestExtension']);
    expect(availableActions(task({}), dept(ECON))).toEqual(['acknowledge']);
    expect(availableActions(task({}), dept('区城管局'))).toEqual([]);
  });

  it('given work in progress with an open milestone, then the lead reports and completes it but may not yet 提交会签', () => {
    const t = task({
      status: 'in_progress',
      departments: [{ name: ECO, role: 'lead', acknowledged: ack } as AssignedTaskView['departments'][number]],
    });
    expect(availableActions(t, dept(ECO))).toEqual(['reportProgress', 'completeMilestone', 'requestExtension']);
  });

  it('given every milestone completed, then the lead may 提交会签', () => {
    const t = task({
      status: 'in_progress',
      departments: [{ name: ECO, role: 'lead', acknowledged: ack } as AssignedTaskView['departments'][number]],
      milestones: [
        { milestoneId: 'y2023', owner: ECO, completion: ack } as unknown as AssignedTaskView['milestones'][number],
      ],
    });
    expect(availableActions(t, dept(ECO))).toContain('requestSignOff');
  });

  it('given a sign-off round, then only an awaited department that has not signed may 会签同意 or 提出异议', () => {
    const t = task({ status: 'sign_off_requested', signOff: { ...round, signed: {} } });
    expect(availableActions(t, dept(ECON))).toEqual(['signOff', 'object']);
    const signed = task({
      status: 'sign_off_requested',
      signOff: { ...round, signed: { [ECON]: '2023-06-02T09:00:00+08:00' } },
    });
    expect(availableActions(signed, dept(ECON))).toEqual([]);
  });

  it('given the office, then 办结/退回 when awaiting acceptance and 延期审批 when an extension is pending', () => {
    expect(availableActions(task({ status: 'awaiting_acceptance' }), office)).toEqual([
      'accept',
      'return',
      'reassign',
      'cancel',
    ]);
    const pending = task({
      status: 'in_progress',
      extensions: [{ status: 'pending' } as AssignedTaskView['extensions'][number]],
    });
    expect(availableActions(pending, office)).toEqual(['decideExtension', 'reassign', 'cancel']);
  });

  it('given the office, then 改派 and 撤销 on every open task and on none that is 办结 or 撤销', () => {
    for (const status of ['assigned', 'in_progress', 'sign_off_requested'] as const)
      expect(availableActions(task({ status }), office)).toEqual(expect.arrayContaining(['reassign', 'cancel']));
    for (const status of ['accepted', 'cancelled'] as const)
      expect(availableActions(task({ status }), office)).toEqual([]);
  });
});
