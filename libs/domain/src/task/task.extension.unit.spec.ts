import type { TaskCommand } from './task.commands';
import type { ExtensionTarget, TaskEvent } from './task.events';
import {
  acknowledged,
  assigned,
  B1,
  C2,
  C5_IN,
  dept,
  ECO,
  FINANCE,
  given,
  metaOf,
  NOW,
  office,
  TECH,
  URBAN,
} from './testing/task.fixtures';

const ask = (
  target: ExtensionTarget,
  newDueDate: string,
  opts: { now?: string; department?: string; extensionId?: string; reason?: string } = {},
): TaskCommand => ({
  type: 'RequestExtension',
  data: { extensionId: opts.extensionId ?? 'e2', target, newDueDate, reason: opts.reason ?? '收集点选址需重新论证' },
  metadata: dept(opts.department ?? ECO, opts.now ?? NOW),
});
const TASK: ExtensionTarget = { kind: 'task' };
const approve = (extensionId = 'e1'): TaskCommand => ({
  type: 'ApproveExtension',
  data: { extensionId, note: '同意' },
  metadata: office(),
});
const reject = (extensionId = 'e1', reason = '理由不充分'): TaskCommand => ({
  type: 'RejectExtension',
  data: { extensionId, reason },
  metadata: office(),
});
const asked = (target: ExtensionTarget, currentDueDate: string, newDueDate: string, requestedAt = NOW): TaskEvent => ({
  type: 'ExtensionRequested',
  data: {
    extensionId: 'e2',
    department: ECO,
    target,
    reason: '收集点选址需重新论证',
    currentDueDate,
    newDueDate,
    requestedAt,
  },
});

describe('requesting an extension (延期申请)', () => {
  it('given C-5 in progress, when the lead asks to move the task to 2025-03-31, then ExtensionRequested', () => {
    const state = given(C5_IN.in_progress)
      .when(ask(TASK, '2025-03-31'))
      .then([asked(TASK, '2024-12-31', '2025-03-31')]);
    expect(state.status === 'in_progress' && state.task.extensions.get('e2')?.status).toBe('pending');
  });

  it('of a milestone, within the task’s due date', () => {
    const b1 = [assigned(B1), acknowledged(TECH, 'lead')];
    const target: ExtensionTarget = { kind: 'milestone', milestoneId: 'b1-2024' };
    // B-1 is still `assigned` (区经发局 has not acknowledged) but 区科技局 has, and may already ask.
    given(b1)
      .when(ask(target, '2025-06-30', { department: TECH }))
      .then([
        {
          type: 'ExtensionRequested',
          data: {
            extensionId: 'e2',
            department: TECH,
            target,
            reason: '收集点选址需重新论证',
            currentDueDate: '2024-12-31',
            newDueDate: '2025-06-30',
            requestedAt: NOW,
          },
        },
      ]);
  });

  it('on the due day itself is still in time; the day after is too late', () => {
    const dueDay = '2024-12-31T23:00:00+08:00';
    given(C5_IN.in_progress)
      .when(ask(TASK, '2025-03-31', { now: dueDay }))
      .then([asked(TASK, '2024-12-31', '2025-03-31', dueDay)]);
    given(C5_IN.in_progress)
      .when(ask(TASK, '2025-03-31', { now: '2025-01-01T08:00:00+08:00' }))
      .thenThrows('TASK.EXTENSION_AFTER_DUE', 'conflict');
  });

  it('refuses a milestone whose due date has passed', () => {
    const b1 = [assigned(B1), acknowledged(TECH, 'lead')];
    given(b1)
      .when(
        ask({ kind: 'milestone', milestoneId: 'b1-2024' }, '2025-06-30', {
          department: TECH,
          now: '2025-01-02T09:00:00+08:00',
        }),
      )
      .thenThrows('TASK.EXTENSION_AFTER_DUE');
  });

  it.each<[string, TaskCommand, string]>([
    ['a date not after the current one', ask(TASK, '2024-12-31'), 'TASK.EXTENSION_NOT_LATER'],
    ['a date that is no date', ask(TASK, '2025-02-29'), 'TASK.INVALID_DATE'],
    ['no reason', ask(TASK, '2025-03-31', { reason: '' }), 'TASK.REASON_REQUIRED'],
    ['a reused id', ask(TASK, '2025-03-31', { extensionId: 'e1' }), 'TASK.EXTENSION_ALREADY_EXISTS'],
    ['an unknown milestone', ask({ kind: 'milestone', milestoneId: 'm9' }, '2024-12-01'), 'TASK.MILESTONE_NOT_FOUND'],
    [
      'a completed milestone',
      ask({ kind: 'milestone', milestoneId: 'm1' }, '2024-12-01'),
      'TASK.MILESTONE_ALREADY_COMPLETED',
    ],
    ['the cooperating department', ask(TASK, '2025-03-31', { department: URBAN }), 'TASK.NOT_LEAD'],
  ])('refuses %s', (_case, command, code) => {
    given(C5_IN.in_progress).when(command).thenThrows(code);
  });

  it('refuses a milestone date after the task’s due date', () => {
    const withoutPending = C5_IN.in_progress.filter((e) => e.type !== 'ExtensionRequested');
    given(withoutPending)
      .when(ask({ kind: 'milestone', milestoneId: 'm2' }, '2025-01-31'))
      .thenThrows('TASK.MILESTONE_AFTER_DUE', 'invalid');
  });

  it('refuses a second pending request for the same deadline', () => {
    given(C5_IN.in_progress)
      .when(ask({ kind: 'milestone', milestoneId: 'm2' }, '2024-11-30'))
      .thenThrows('TASK.EXTENSION_PENDING', 'conflict');
  });

  it('an ongoing task has no due date to extend', () => {
    given([assigned(C2), acknowledged(FINANCE, 'lead')])
      .when(ask(TASK, '2026-03-31', { department: FINANCE }))
      .thenThrows('TASK.NO_DUE_DATE', 'conflict');
  });

  it('needs the lead to have acknowledged, and the task before sign-off', () => {
    given(C5_IN.assigned).when(ask(TASK, '2025-03-31')).thenThrows('TASK.DEPARTMENT_NOT_ACKNOWLEDGED');
    given(C5_IN.sign_off_requested).when(ask(TASK, '2025-03-31')).thenThrows('TASK.NOT_IN_PROGRESS');
    given(C5_IN.in_progress)
      .when({ ...ask(TASK, '2025-03-31'), metadata: office() })
      .thenThrows('TASK.DEPARTMENT_ONLY');
  });
});

describe('deciding an extension', () => {
  it('given e1 pending for m2, when the office approves, then m2 moves and its first date stays on record', () => {
    const state = given(C5_IN.in_progress)
      .when(approve())
      .then([
        {
          type: 'ExtensionApproved',
          data: {
            extensionId: 'e1',
            target: { kind: 'milestone', milestoneId: 'm2' },
            previousDueDate: '2024-10-31',
            newDueDate: '2024-12-15',
            note: '同意',
            approvedAt: NOW,
          },
        },
      ]);
    if (state.status !== 'in_progress') throw new Error('unreachable');
    expect(state.task.milestones.get('m2')).toMatchObject({ dueDate: '2024-12-15', originalDueDate: '2024-10-31' });
    expect(state.task.extensions.get('e1')).toMatchObject({
      status: 'approved',
      previousDueDate: '2024-10-31',
      decision: { at: NOW, note: '同意' },
    });
  });

  it('an approved task extension moves the task’s due date, keeping originalDueDate', () => {
    const events = [...C5_IN.in_progress, asked(TASK, '2024-12-31', '2025-03-31')];
    const state = given(events)
      .when(approve('e2'))
      .then([
        {
          type: 'ExtensionApproved',
          data: {
            extensionId: 'e2',
            target: TASK,
            previousDueDate: '2024-12-31',
            newDueDate: '2025-03-31',
            note: '同意',
            approvedAt: NOW,
          },
        },
      ]);
    expect(state.status === 'in_progress' && [state.task.dueDate, state.task.originalDueDate]).toEqual([
      '2025-03-31',
      '2024-12-31',
    ]);
  });

  it('may be decided after the old deadline, and during sign-off', () => {
    const late: TaskCommand = { ...approve(), metadata: office('2024-11-05T09:00:00+08:00') };
    given(C5_IN.in_progress)
      .when(late)
      .then([
        {
          type: 'ExtensionApproved',
          data: {
            extensionId: 'e1',
            target: { kind: 'milestone', milestoneId: 'm2' },
            previousDueDate: '2024-10-31',
            newDueDate: '2024-12-15',
            note: '同意',
            approvedAt: '2024-11-05T09:00:00+08:00',
          },
        },
      ]);
    expect(
      given(C5_IN.sign_off_requested)
        .when(reject())
        .then([
          {
            type: 'ExtensionRejected',
            data: {
              extensionId: 'e1',
              target: { kind: 'milestone', milestoneId: 'm2' },
              reason: '理由不充分',
              rejectedAt: NOW,
            },
          },
        ]).status,
    ).toBe('sign_off_requested');
  });

  it('a rejection keeps the due date', () => {
    const state = given(C5_IN.in_progress)
      .when(reject())
      .then([
        {
          type: 'ExtensionRejected',
          data: {
            extensionId: 'e1',
            target: { kind: 'milestone', milestoneId: 'm2' },
            reason: '理由不充分',
            rejectedAt: NOW,
          },
        },
      ]);
    expect(state.status === 'in_progress' && state.task.milestones.get('m2')?.dueDate).toBe('2024-10-31');
  });

  it('refuses an unknown or decided request, a rejection without reason, anyone but the office', () => {
    const approved: TaskEvent = {
      type: 'ExtensionApproved',
      data: {
        extensionId: 'e1',
        target: { kind: 'milestone', milestoneId: 'm2' },
        previousDueDate: '2024-10-31',
        newDueDate: '2024-12-15',
        note: '',
        approvedAt: NOW,
      },
    };
    given(C5_IN.in_progress).when(approve('e9')).thenThrows('TASK.EXTENSION_NOT_FOUND', 'not_found');
    given([...C5_IN.in_progress, approved])
      .when(reject())
      .thenThrows('TASK.EXTENSION_ALREADY_DECIDED', 'conflict');
    given(C5_IN.in_progress).when(reject('e1', ' ')).thenThrows('TASK.REASON_REQUIRED');
    given(C5_IN.in_progress)
      .when({ ...approve(), metadata: dept(ECO) })
      .thenThrows('TASK.OFFICE_ONLY', 'forbidden');
    given(C5_IN.in_progress)
      .when({ ...reject(), metadata: metaOf('admin') })
      .thenThrows('TASK.OFFICE_ONLY');
    given(C5_IN.accepted).when(approve()).thenThrows('TASK.CLOSED');
  });

  it('a request withdrawn with its milestone can no longer be decided', () => {
    const removed: TaskEvent = {
      type: 'MilestoneRemoved',
      data: {
        milestoneId: 'm2',
        title: 'x',
        reason: '并入',
        withdrawnExtensionIds: ['e1'],
        removedAt: NOW,
        signOffVoided: false,
      },
    };
    given([...C5_IN.in_progress, removed])
      .when(approve())
      .thenThrows('TASK.EXTENSION_ALREADY_DECIDED');
  });
});
