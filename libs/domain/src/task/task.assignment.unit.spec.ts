import type { AssignmentRequest, TaskCommand } from './task.commands';
import type { TaskEvent } from './task.events';
import { STATUS_LABELS } from './task.state';
import {
  acknowledged,
  assigned,
  ASSIGNED_AT,
  B1,
  C2,
  C5,
  C5_IN,
  dept,
  ECO,
  ECON,
  given,
  metaOf,
  office,
  TECH,
  URBAN,
} from './testing/task.fixtures';

const assign = (data: AssignmentRequest, type: 'AssignTask' | 'CreateTask' = 'AssignTask'): TaskCommand => ({
  type,
  data,
  metadata: office(ASSIGNED_AT),
});
const acknowledge = (department: string, now = '2024-01-03T09:00:00+08:00'): TaskCommand => ({
  type: 'AcknowledgeTask',
  data: {},
  metadata: dept(department, now),
});

describe('assigning a task (交办)', () => {
  it('given nothing, when the office assigns C-5, then TaskAssigned records the plan facts and deadlines', () => {
    const state = given([])
      .when(assign(C5))
      .then([{ type: 'TaskAssigned', data: { ...C5, reporting: null, assignedAt: ASSIGNED_AT, source: 'plan' } }]);
    expect(state.status).toBe('assigned');
    expect(STATUS_LABELS[state.status]).toBe('待签收');
    if (state.status !== 'assigned') throw new Error('unreachable');
    expect(state.task.originalDueDate).toBe('2024-12-31');
    expect([...state.task.parts.keys()]).toEqual([ECO, URBAN]);
    expect(state.task.milestones.get('m2')).toMatchObject({
      owner: URBAN,
      dueDate: '2024-10-31',
      originalDueDate: '2024-10-31',
    });
  });

  it('assigns B-1 to its two leads', () => {
    const state = given([])
      .when(assign(B1))
      .then([assigned(B1)]);
    expect(state.status === 'assigned' && [...state.task.parts.values()].map((p) => p.role)).toEqual(['lead', 'lead']);
  });

  it('assigns an ongoing task (C-2 持续开展) without a due date and with quarterly reports by default', () => {
    given([])
      .when(assign(C2))
      .then([
        { type: 'TaskAssigned', data: { ...C2, reporting: 'quarterly', assignedAt: ASSIGNED_AT, source: 'plan' } },
      ]);
    given([])
      .when(assign({ ...C2, reporting: 'monthly' }))
      .then([{ type: 'TaskAssigned', data: { ...C2, reporting: 'monthly', assignedAt: ASSIGNED_AT, source: 'plan' } }]);
  });

  it('creates a task the appendix lacks: TaskCreated with source office', () => {
    const extra: AssignmentRequest = {
      ...C5,
      facts: {
        ...C5.facts,
        code: 'C-13',
        title: '废旧电池回收专项行动',
        text: '开展废旧电池回收专项行动',
        window: '2024',
      },
      milestones: [],
    };
    const state = given([])
      .when(assign(extra, 'CreateTask'))
      .then([{ type: 'TaskCreated', data: { ...extra, reporting: null, assignedAt: ASSIGNED_AT, source: 'office' } }]);
    expect(state.status !== 'unassigned' && state.task.source).toBe('office');
  });

  it.each<[string, AssignmentRequest, string]>([
    [
      'a plan id with the stream separator',
      { ...C5, facts: { ...C5.facts, planId: 'district.2022' } },
      'TASK.INVALID_PLAN_FACTS',
    ],
    ['an empty code', { ...C5, facts: { ...C5.facts, code: '' } }, 'TASK.INVALID_PLAN_FACTS'],
    ['a blank title', { ...C5, facts: { ...C5.facts, title: '  ' } }, 'TASK.INVALID_PLAN_FACTS'],
    ['no lead', { ...C5, lead: [] }, 'TASK.INVALID_DEPARTMENTS'],
    ['a lead that also cooperates', { ...C5, cooperating: [URBAN, ECO] }, 'TASK.INVALID_DEPARTMENTS'],
    ['a department named twice', { ...B1, lead: [TECH, TECH] }, 'TASK.INVALID_DEPARTMENTS'],
    ['a blank department', { ...C5, cooperating: [' '] }, 'TASK.INVALID_DEPARTMENTS'],
    ['a dated task without due date', { ...C5, dueDate: null }, 'TASK.INVALID_DUE_DATE'],
    ['an ongoing task with a due date', { ...C2, dueDate: '2025-12-31' }, 'TASK.INVALID_DUE_DATE'],
    ['a due date that is no date', { ...C5, dueDate: '2024-02-30' }, 'TASK.INVALID_DATE'],
    ['a due date before assignment', { ...C5, dueDate: '2023-12-31', milestones: [] }, 'TASK.DUE_DATE_IN_PAST'],
    ['an acknowledgement deadline before assignment', { ...C5, acknowledgeBy: '2024-01-01' }, 'TASK.DUE_DATE_IN_PAST'],
    [
      'a milestone due before assignment (2023 of B-1, assigned in 2024)',
      { ...B1, milestones: [{ ...B1.milestones[0]!, milestoneId: 'b1-2023', dueDate: '2023-12-31' }] },
      'TASK.DUE_DATE_IN_PAST',
    ],
    [
      'a milestone after the task',
      { ...C5, milestones: [{ ...C5.milestones[0]!, dueDate: '2025-01-31' }] },
      'TASK.MILESTONE_AFTER_DUE',
    ],
    [
      'a milestone owned by an unassigned department',
      { ...C5, milestones: [{ ...C5.milestones[0]!, owner: '区教育局' }] },
      'TASK.MILESTONE_OWNER_NOT_ASSIGNED',
    ],
    ['a milestone without title', { ...C5, milestones: [{ ...C5.milestones[0]!, title: '' }] }, 'TASK.TEXT_REQUIRED'],
    [
      'two milestones with one id',
      { ...C5, milestones: [C5.milestones[0]!, { ...C5.milestones[1]!, milestoneId: 'm1' }] },
      'TASK.MILESTONE_ALREADY_EXISTS',
    ],
    ['a reporting cadence on a dated task', { ...C5, reporting: 'quarterly' }, 'TASK.INVALID_REPORTING'],
  ])('refuses %s', (_case, data, code) => {
    given([]).when(assign(data)).thenThrows(code);
  });

  it('refuses a command whose time is not ISO 8601 with an offset', () => {
    given([])
      .when({ type: 'AssignTask', data: C5, metadata: { ...office(), now: '2024-01-02 09:00' } })
      .thenThrows('TASK.INVALID_TIME', 'invalid');
  });

  it.each(['department', 'leader', 'admin', 'system'] as const)('is the office’s alone: %s is refused', (role) => {
    given([])
      .when({ type: 'AssignTask', data: C5, metadata: metaOf(role, role === 'department' ? ECO : undefined) })
      .thenThrows('TASK.OFFICE_ONLY', 'forbidden');
  });

  it.each(['assigned', 'in_progress', 'sign_off_requested', 'awaiting_acceptance'] as const)(
    'cannot assign twice (%s)',
    (status) => {
      given(C5_IN[status]).when(assign(C5)).thenThrows('TASK.ALREADY_ASSIGNED', 'conflict');
      given(C5_IN[status]).when(assign(C5, 'CreateTask')).thenThrows('TASK.ALREADY_ASSIGNED');
    },
  );

  it.each(['accepted', 'cancelled'] as const)('cannot assign a closed task (%s)', (status) => {
    given(C5_IN[status]).when(assign(C5)).thenThrows('TASK.CLOSED', 'conflict');
  });
});

describe('acknowledging (签收)', () => {
  it('given C-5 assigned, when the lead acknowledges on time, then the task is in progress', () => {
    const state = given([assigned(C5)])
      .when(acknowledge(ECO))
      .then([acknowledged(ECO, 'lead')]);
    expect(state.status).toBe('in_progress');
  });

  it('accepts a late acknowledgement and records late: true', () => {
    const now = '2024-01-08T09:30:00+08:00';
    given([assigned(C5)])
      .when(acknowledge(ECO, now))
      .then([acknowledged(ECO, 'lead', now, true)]);
  });

  it('is on time on the deadline day itself, up to midnight Shanghai time', () => {
    const lastMinute = '2024-01-05T15:59:00Z'; // 23:59 in Shanghai
    given([assigned(C5)])
      .when(acknowledge(ECO, lastMinute))
      .then([acknowledged(ECO, 'lead', lastMinute, false)]);
  });

  it('B-1: stays assigned until both leads have acknowledged', () => {
    const afterOne = given([assigned(B1)])
      .when(acknowledge(TECH))
      .then([acknowledged(TECH, 'lead')]);
    expect(afterOne.status).toBe('assigned');
    const afterBoth = given([assigned(B1), acknowledged(TECH, 'lead')])
      .when(acknowledge(ECON))
      .then([acknowledged(ECON, 'lead')]);
    expect(afterBoth.status).toBe('in_progress');
  });

  it('a cooperating department’s acknowledgement does not start the task, nor does its absence hold it', () => {
    expect(
      given([assigned(C5)])
        .when(acknowledge(URBAN))
        .then([acknowledged(URBAN, 'cooperating')]).status,
    ).toBe('assigned');
    expect(
      given([assigned(C5), acknowledged(ECO, 'lead')])
        .when(acknowledge(URBAN))
        .then([acknowledged(URBAN, 'cooperating')]).status,
    ).toBe('in_progress');
  });

  it('refuses a second acknowledgement', () => {
    given([assigned(C5), acknowledged(ECO, 'lead')])
      .when(acknowledge(ECO))
      .thenThrows('TASK.ALREADY_ACKNOWLEDGED', 'conflict');
  });

  it('refuses a department that is not assigned', () => {
    given([assigned(C5)])
      .when(acknowledge('区教育局'))
      .thenThrows('TASK.DEPARTMENT_NOT_ASSIGNED', 'forbidden');
  });

  it.each([
    ['office', '无废办'],
    ['leader', undefined],
    ['admin', undefined],
    ['system', undefined],
    ['department', undefined],
  ] as const)('is for departments only: %s (department %s) is refused', (role, department) => {
    given([assigned(C5)])
      .when({ type: 'AcknowledgeTask', data: {}, metadata: metaOf(role, department) })
      .thenThrows('TASK.DEPARTMENT_ONLY', 'forbidden');
  });

  it('needs an assigned, open task', () => {
    given([]).when(acknowledge(ECO)).thenThrows('TASK.NOT_ASSIGNED', 'conflict');
    given(C5_IN.cancelled).when(acknowledge(ECO)).thenThrows('TASK.CLOSED');
  });
});

describe('cancelling (撤销)', () => {
  it.each(['assigned', 'in_progress', 'sign_off_requested', 'awaiting_acceptance'] as const)(
    'cancels from %s with a reason',
    (status) => {
      const events: TaskEvent[] = [
        {
          type: 'TaskCancelled',
          data: { reason: '并入C-4统筹推进', previousStatus: status, cancelledAt: '2024-03-28T10:00:00+08:00' },
        },
      ];
      const state = given(C5_IN[status])
        .when({ type: 'CancelTask', data: { reason: ' 并入C-4统筹推进 ' }, metadata: office() })
        .then(events);
      expect(state.status).toBe('cancelled');
      expect(STATUS_LABELS[state.status]).toBe('已撤销');
    },
  );

  it('refuses without reason, by a department, before assignment, and after closing', () => {
    given(C5_IN.assigned)
      .when({ type: 'CancelTask', data: { reason: ' ' }, metadata: office() })
      .thenThrows('TASK.REASON_REQUIRED', 'invalid');
    given(C5_IN.assigned)
      .when({ type: 'CancelTask', data: { reason: '撤销' }, metadata: dept(ECO) })
      .thenThrows('TASK.OFFICE_ONLY');
    given([])
      .when({ type: 'CancelTask', data: { reason: '撤销' }, metadata: office() })
      .thenThrows('TASK.NOT_ASSIGNED');
    given(C5_IN.accepted)
      .when({ type: 'CancelTask', data: { reason: '撤销' }, metadata: office() })
      .thenThrows('TASK.CLOSED');
    given(C5_IN.cancelled)
      .when({ type: 'CancelTask', data: { reason: '撤销' }, metadata: office() })
      .thenThrows('TASK.CLOSED');
  });
});
