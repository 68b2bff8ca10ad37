import type { MilestonePlan, TaskEvent } from './task.events';
import type { TaskCommand } from './task.commands';
import {
  C2,
  C5_IN,
  assigned,
  acknowledged,
  dept,
  ECO,
  FINANCE,
  given,
  M1,
  M2,
  NOW,
  office,
  URBAN,
} from './testing/task.fixtures';

const reopen = (milestoneId: string, reason = '佐证材料不全，方案未见印发文号'): TaskCommand => ({
  type: 'ReopenMilestone',
  data: { milestoneId, reason },
  metadata: office(),
});
const M3: MilestonePlan = {
  milestoneId: 'm3',
  title: '开展社会源危险废物收集试点',
  dueDate: '2024-09-30',
  owner: URBAN,
};
const add = (milestone: MilestonePlan = M3, reason = '细化年度节点'): TaskCommand => ({
  type: 'AddMilestone',
  data: { milestone, reason },
  metadata: office(),
});
const remove = (milestoneId: string, reason = '并入节点1'): TaskCommand => ({
  type: 'RemoveMilestone',
  data: { milestoneId, reason },
  metadata: office(),
});

describe('reopening a milestone (退回节点)', () => {
  it('given m1 completed, when the office reopens it, then MilestoneReopened and m1 is open again', () => {
    const state = given(C5_IN.in_progress)
      .when(reopen('m1'))
      .then([
        {
          type: 'MilestoneReopened',
          data: {
            milestoneId: 'm1',
            title: M1.title,
            reason: '佐证材料不全，方案未见印发文号',
            reopenedAt: NOW,
            signOffVoided: false,
          },
        },
      ]);
    expect(state.status === 'in_progress' && state.task.milestones.get('m1')?.completion).toBeUndefined();
  });

  it.each(['sign_off_requested', 'awaiting_acceptance'] as const)(
    'during %s sends the task back to work and voids the round',
    (status) => {
      const state = given(C5_IN[status])
        .when(reopen('m2'))
        .then([
          {
            type: 'MilestoneReopened',
            data: {
              milestoneId: 'm2',
              title: M2.title,
              reason: '佐证材料不全，方案未见印发文号',
              reopenedAt: NOW,
              signOffVoided: true,
            },
          },
        ]);
      expect(state.status).toBe('in_progress');
    },
  );

  it('refuses an open, unknown, or reasonless reopening, and anyone but the office', () => {
    given(C5_IN.in_progress).when(reopen('m2')).thenThrows('TASK.MILESTONE_NOT_COMPLETED', 'conflict');
    given(C5_IN.in_progress).when(reopen('m9')).thenThrows('TASK.MILESTONE_NOT_FOUND', 'not_found');
    given(C5_IN.in_progress).when(reopen('m1', '')).thenThrows('TASK.REASON_REQUIRED', 'invalid');
    given(C5_IN.in_progress)
      .when({ ...reopen('m1'), metadata: dept(ECO) })
      .thenThrows('TASK.OFFICE_ONLY', 'forbidden');
    given(C5_IN.accepted).when(reopen('m1')).thenThrows('TASK.CLOSED');
  });
});

describe('adding a milestone', () => {
  const added = (signOffVoided: boolean): TaskEvent => ({
    type: 'MilestoneAdded',
    data: { milestone: M3, reason: '细化年度节点', addedAt: NOW, signOffVoided },
  });

  it('given C-5 in progress, when the office adds m3 for 区城管局, then MilestoneAdded', () => {
    const state = given(C5_IN.in_progress)
      .when(add())
      .then([added(false)]);
    expect(state.status === 'in_progress' && state.task.milestones.get('m3')).toEqual({
      ...M3,
      originalDueDate: '2024-09-30',
    });
  });

  it('in assigned stays assigned', () => {
    expect(
      given(C5_IN.assigned)
        .when(add())
        .then([added(false)]).status,
    ).toBe('assigned');
  });

  it('during sign-off voids the round: there is new work', () => {
    expect(
      given(C5_IN.sign_off_requested)
        .when(add())
        .then([added(true)]).status,
    ).toBe('in_progress');
  });

  it('adds a milestone to an ongoing task, without a due-date ceiling', () => {
    const c2 = [assigned(C2), acknowledged(FINANCE, 'lead')];
    const milestone = {
      milestoneId: 'c2-2026',
      title: '绿色信贷专项通道运行评估',
      dueDate: '2026-06-30',
      owner: FINANCE,
    };
    given(c2)
      .when(add(milestone))
      .then([
        { type: 'MilestoneAdded', data: { milestone, reason: '细化年度节点', addedAt: NOW, signOffVoided: false } },
      ]);
  });

  it.each<[string, MilestonePlan, string]>([
    ['an existing id', { ...M3, milestoneId: 'm1' }, 'TASK.MILESTONE_ALREADY_EXISTS'],
    ['an owner outside the task', { ...M3, owner: '区教育局' }, 'TASK.MILESTONE_OWNER_NOT_ASSIGNED'],
    ['a due date after the task’s', { ...M3, dueDate: '2025-01-15' }, 'TASK.MILESTONE_AFTER_DUE'],
    ['a due date in the past', { ...M3, dueDate: '2024-03-27' }, 'TASK.DUE_DATE_IN_PAST'],
    ['a date that is no date', { ...M3, dueDate: '2024-13-01' }, 'TASK.INVALID_DATE'],
    ['no title', { ...M3, title: '' }, 'TASK.TEXT_REQUIRED'],
  ])('refuses %s', (_case, milestone, code) => {
    given(C5_IN.in_progress).when(add(milestone)).thenThrows(code);
  });

  it('needs a reason and the office', () => {
    given(C5_IN.in_progress).when(add(M3, ' ')).thenThrows('TASK.REASON_REQUIRED');
    given(C5_IN.in_progress)
      .when({ ...add(), metadata: dept(ECO) })
      .thenThrows('TASK.OFFICE_ONLY');
    given([]).when(add()).thenThrows('TASK.NOT_ASSIGNED');
  });
});

describe('removing a milestone', () => {
  it('given a pending extension for m2, when the office removes m2, then the extension is withdrawn with it', () => {
    const state = given(C5_IN.in_progress)
      .when(remove('m2'))
      .then([
        {
          type: 'MilestoneRemoved',
          data: {
            milestoneId: 'm2',
            title: M2.title,
            reason: '并入节点1',
            withdrawnExtensionIds: ['e1'],
            removedAt: NOW,
            signOffVoided: false,
          },
        },
      ]);
    if (state.status !== 'in_progress') throw new Error('unreachable');
    expect(state.task.milestones.has('m2')).toBe(false);
    expect(state.task.extensions.get('e1')?.status).toBe('withdrawn');
  });

  it('during acceptance voids the round', () => {
    expect(
      given(C5_IN.awaiting_acceptance)
        .when(remove('m1'))
        .then([
          {
            type: 'MilestoneRemoved',
            data: {
              milestoneId: 'm1',
              title: M1.title,
              reason: '并入节点1',
              withdrawnExtensionIds: [],
              removedAt: NOW,
              signOffVoided: true,
            },
          },
        ]).status,
    ).toBe('in_progress');
  });

  it('refuses an unknown milestone, no reason, a department', () => {
    given(C5_IN.in_progress).when(remove('m9')).thenThrows('TASK.MILESTONE_NOT_FOUND', 'not_found');
    given(C5_IN.in_progress).when(remove('m2', '')).thenThrows('TASK.REASON_REQUIRED');
    given(C5_IN.in_progress)
      .when({ ...remove('m2'), metadata: dept(URBAN) })
      .thenThrows('TASK.OFFICE_ONLY');
    given(C5_IN.cancelled).when(remove('m2')).thenThrows('TASK.CLOSED');
  });
});
