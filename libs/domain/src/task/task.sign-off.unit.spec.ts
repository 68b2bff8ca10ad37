import type { TaskCommand } from './task.commands';
import type { TaskEvent } from './task.events';
import {
  acknowledged,
  assigned,
  B1,
  C2,
  C5,
  C5_IN,
  COMMERCE,
  completed,
  dept,
  ECO,
  ECON,
  FINANCE,
  given,
  M1,
  M2,
  metaOf,
  NOW,
  office,
  TECH,
  URBAN,
} from './testing/task.fixtures';

const request = (department = ECO, note = '两个节点均已完成'): TaskCommand => ({
  type: 'RequestSignOff',
  data: { note },
  metadata: dept(department),
});
const sign = (department = URBAN): TaskCommand => ({
  type: 'SignOff',
  data: { note: '同意' },
  metadata: dept(department),
});
const object = (department = URBAN, reason = '收集点覆盖不足'): TaskCommand => ({
  type: 'ObjectToSignOff',
  data: { reason },
  metadata: dept(department),
});
const accept: TaskCommand = { type: 'AcceptTask', data: { note: '同意办结' }, metadata: office() };
const giveBack = (reason = '佐证材料需补充验收报告'): TaskCommand => ({
  type: 'ReturnTask',
  data: { reason },
  metadata: office(),
});

/** C-5 with every department acknowledged and both milestones complete: ready to ask. */
const ready: TaskEvent[] = [
  ...C5_IN.in_progress,
  acknowledged(URBAN, 'cooperating'),
  completed('m2', M2.title, URBAN, M2.dueDate),
];
const requested = (awaiting: string[], department = ECO): TaskEvent => ({
  type: 'SignOffRequested',
  data: { department, note: '两个节点均已完成', awaiting, requestedAt: NOW },
});
const signed = (department: string, remaining: string[]): TaskEvent => ({
  type: 'SignedOff',
  data: { department, note: '同意', remaining, signedAt: NOW },
});

describe('requesting sign-off (申请会签)', () => {
  it('given every milestone complete, when the lead asks, then the cooperating departments are to sign', () => {
    const state = given(ready)
      .when(request())
      .then([requested([URBAN])]);
    expect(state.status).toBe('sign_off_requested');
  });

  it('without cooperating departments (B-1) goes straight to acceptance', () => {
    const b1 = [
      assigned(B1),
      acknowledged(TECH, 'lead'),
      acknowledged(ECON, 'lead'),
      completed('b1-2024', B1.milestones[0]!.title, TECH, '2024-12-31'),
      completed('b1-2025', B1.milestones[1]!.title, ECON, '2025-12-31'),
    ];
    expect(
      given(b1)
        .when(request(ECON))
        .then([requested([], ECON)]).status,
    ).toBe('awaiting_acceptance');
  });

  it('refuses while a milestone is open, naming it', () => {
    const error = given(C5_IN.in_progress).when(request()).thenThrows('TASK.MILESTONES_INCOMPLETE', 'conflict');
    expect(error.details).toEqual({ milestoneIds: ['m2'] });
  });

  it('refuses while a cooperating department has not acknowledged: it could not sign for a part it never took', () => {
    const notAcknowledged = [...C5_IN.in_progress, completed('m2', M2.title, ECO, M2.dueDate)];
    expect(given(notAcknowledged).when(request()).thenThrows('TASK.NOT_ACKNOWLEDGED').details).toEqual({
      pending: [URBAN],
    });
  });

  it('is the lead’s: the cooperating department, the office and others are refused', () => {
    given(ready).when(request(URBAN)).thenThrows('TASK.NOT_LEAD', 'forbidden');
    given(ready).when(request('区教育局')).thenThrows('TASK.DEPARTMENT_NOT_ASSIGNED', 'forbidden');
    given(ready)
      .when({ ...request(), metadata: office() })
      .thenThrows('TASK.DEPARTMENT_ONLY', 'forbidden');
  });

  it('needs the task in progress', () => {
    given(C5_IN.assigned).when(request()).thenThrows('TASK.NOT_ACKNOWLEDGED');
    given(C5_IN.sign_off_requested).when(request()).thenThrows('TASK.NOT_IN_PROGRESS');
    given(C5_IN.awaiting_acceptance).when(request()).thenThrows('TASK.NOT_IN_PROGRESS');
  });

  it('an ongoing task never asks for sign-off', () => {
    given([assigned(C2), acknowledged(FINANCE, 'lead')])
      .when(request(FINANCE))
      .thenThrows('TASK.ONGOING_NO_SIGN_OFF', 'conflict');
  });
});

describe('signing off (会签) and objecting', () => {
  it('given C-5 under sign-off, when 区城管局 signs, then the task awaits acceptance', () => {
    expect(
      given(C5_IN.sign_off_requested)
        .when(sign())
        .then([signed(URBAN, [])]).status,
    ).toBe('awaiting_acceptance');
  });

  it('with two cooperating departments waits for both', () => {
    const two = [
      assigned({ ...C5, cooperating: [URBAN, COMMERCE] }),
      acknowledged(ECO, 'lead'),
      acknowledged(URBAN, 'cooperating'),
      acknowledged(COMMERCE, 'cooperating'),
      completed('m1', M1.title, ECO, M1.dueDate),
      completed('m2', M2.title, URBAN, M2.dueDate),
      requested([URBAN, COMMERCE]),
    ];
    expect(
      given(two)
        .when(sign(COMMERCE))
        .then([signed(COMMERCE, [URBAN])]).status,
    ).toBe('sign_off_requested');
    given([...two, signed(COMMERCE, [URBAN])])
      .when(sign(COMMERCE))
      .thenThrows('TASK.ALREADY_SIGNED_OFF', 'conflict');
    given([...two, signed(COMMERCE, [URBAN])])
      .when(object(COMMERCE))
      .thenThrows('TASK.ALREADY_SIGNED_OFF');
    expect(
      given([...two, signed(COMMERCE, [URBAN])])
        .when(sign(URBAN))
        .then([signed(URBAN, [])]).status,
    ).toBe('awaiting_acceptance');
  });

  it('an objection sends the task back to in progress; milestones stay complete and the lead may ask again', () => {
    const objected: TaskEvent = {
      type: 'SignOffObjected',
      data: { department: URBAN, reason: '收集点覆盖不足', objectedAt: NOW },
    };
    const state = given(C5_IN.sign_off_requested).when(object()).then([objected]);
    expect(state.status).toBe('in_progress');
    expect(state.status === 'in_progress' && [...state.task.milestones.values()].every((m) => m.completion)).toBe(true);
    given([...C5_IN.sign_off_requested, objected])
      .when(request())
      .then([requested([URBAN])]);
  });

  it('refuses an objection without reason', () => {
    given(C5_IN.sign_off_requested).when(object(URBAN, ' ')).thenThrows('TASK.REASON_REQUIRED', 'invalid');
  });

  it('is for cooperating departments, during sign-off only', () => {
    given(C5_IN.sign_off_requested).when(sign(ECO)).thenThrows('TASK.NOT_COOPERATING', 'forbidden');
    given(C5_IN.sign_off_requested).when(object(ECO)).thenThrows('TASK.NOT_COOPERATING');
    given(C5_IN.sign_off_requested).when(sign('区教育局')).thenThrows('TASK.DEPARTMENT_NOT_ASSIGNED');
    given(C5_IN.sign_off_requested)
      .when({ ...sign(), metadata: metaOf('leader') })
      .thenThrows('TASK.DEPARTMENT_ONLY');
    given(C5_IN.in_progress).when(sign()).thenThrows('TASK.NOT_AWAITING_SIGN_OFF', 'conflict');
    given(C5_IN.awaiting_acceptance).when(object()).thenThrows('TASK.NOT_AWAITING_SIGN_OFF');
  });
});

describe('accepting (办结) and returning (退回)', () => {
  it('given C-5 awaiting acceptance, when the office accepts, then the task is closed', () => {
    const state = given(C5_IN.awaiting_acceptance)
      .when(accept)
      .then([{ type: 'TaskAccepted', data: { closure: 'completed', note: '同意办结', acceptedAt: NOW } }]);
    expect(state.status).toBe('accepted');
    given(C5_IN.accepted).when(accept).thenThrows('TASK.CLOSED');
  });

  it('refuses before every cooperating department has signed, naming them', () => {
    expect(
      given(C5_IN.sign_off_requested).when(accept).thenThrows('TASK.SIGN_OFF_INCOMPLETE', 'conflict').details,
    ).toEqual({ pending: [URBAN] });
    given(C5_IN.sign_off_requested).when(giveBack()).thenThrows('TASK.SIGN_OFF_INCOMPLETE');
  });

  it('refuses a dated task that never went through sign-off', () => {
    given(C5_IN.in_progress).when(accept).thenThrows('TASK.NOT_AWAITING_ACCEPTANCE', 'conflict');
    given(C5_IN.assigned).when(giveBack()).thenThrows('TASK.NOT_AWAITING_ACCEPTANCE');
  });

  it('a return sends the task back to work; milestones stay complete; the lead may ask again', () => {
    const returned: TaskEvent = { type: 'TaskReturned', data: { reason: '佐证材料需补充验收报告', returnedAt: NOW } };
    const state = given(C5_IN.awaiting_acceptance).when(giveBack()).then([returned]);
    expect(state.status).toBe('in_progress');
    expect(state.status === 'in_progress' && state.task.milestones.get('m2')?.completion).toBeDefined();
    expect(
      given([...C5_IN.awaiting_acceptance, returned])
        .when(request())
        .then([requested([URBAN])]).status,
    ).toBe('sign_off_requested');
  });

  it('refuses a return without reason, and both from anyone but the office', () => {
    given(C5_IN.awaiting_acceptance).when(giveBack('')).thenThrows('TASK.REASON_REQUIRED');
    given(C5_IN.awaiting_acceptance)
      .when({ ...accept, metadata: dept(ECO) })
      .thenThrows('TASK.OFFICE_ONLY', 'forbidden');
    given(C5_IN.awaiting_acceptance)
      .when({ ...giveBack(), metadata: metaOf('leader') })
      .thenThrows('TASK.OFFICE_ONLY');
  });

  describe('an ongoing task (C-2 持续开展)', () => {
    const c2 = [assigned(C2), acknowledged(FINANCE, 'lead')];
    const close: TaskCommand = {
      type: 'AcceptTask',
      data: { note: '计划期末办结' },
      metadata: office('2025-12-31T16:00:00+08:00'),
    };

    it('is closed by the office from in progress, without sign-off', () => {
      const state = given(c2)
        .when(close)
        .then([
          {
            type: 'TaskAccepted',
            data: { closure: 'ongoing_closed', note: '计划期末办结', acceptedAt: '2025-12-31T16:00:00+08:00' },
          },
        ]);
      expect(state.status === 'accepted' && state.acceptance.closure).toBe('ongoing_closed');
    });

    it('not before its lead acknowledged, nor with an open milestone', () => {
      given([assigned(C2)])
        .when(close)
        .thenThrows('TASK.NOT_ACKNOWLEDGED');
      const withMilestone = [
        assigned({
          ...C2,
          milestones: [{ milestoneId: 'c2-1', title: '设立绿色信贷专项通道', dueDate: '2024-06-30', owner: FINANCE }],
        }),
        acknowledged(FINANCE, 'lead'),
      ];
      given(withMilestone).when(close).thenThrows('TASK.MILESTONES_INCOMPLETE');
    });

    it('cannot be returned: nothing was submitted', () => {
      given(c2).when(giveBack()).thenThrows('TASK.NOT_AWAITING_ACCEPTANCE');
    });
  });
});
