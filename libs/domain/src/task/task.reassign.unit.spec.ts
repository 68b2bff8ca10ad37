import type { ReassignTask, TaskCommand } from './task.commands';
import type { TaskEvent } from './task.events';
import {
  acknowledged,
  assigned,
  B1,
  C5_IN,
  COMMERCE,
  dept,
  ECO,
  ECON,
  EVIDENCE,
  given,
  NOW,
  office,
  TECH,
  URBAN,
} from './testing/task.fixtures';

const reassign = (
  data: Partial<ReassignTask['data']> & Pick<ReassignTask['data'], 'lead' | 'cooperating'>,
): TaskCommand => ({
  type: 'ReassignTask',
  data: { acknowledgeBy: '2024-04-02', reason: '调整责任分工', ...data },
  metadata: office(),
});

const reassigned = (data: Partial<Extract<TaskEvent, { type: 'TaskReassigned' }>['data']>): TaskEvent => ({
  type: 'TaskReassigned',
  data: {
    previous: { lead: [ECO], cooperating: [URBAN] },
    lead: [ECO],
    cooperating: [URBAN],
    added: [],
    removed: [],
    acknowledgeBy: '2024-04-02',
    milestoneTransfers: [],
    reason: '调整责任分工',
    reassignedAt: NOW,
    signOffVoided: false,
    ...data,
  },
});

describe('reassigning (改派)', () => {
  it('adds a cooperating department: it must acknowledge, the others keep their acknowledgement', () => {
    const state = given(C5_IN.in_progress)
      .when(reassign({ lead: [ECO], cooperating: [URBAN, COMMERCE] }))
      .then([reassigned({ cooperating: [URBAN, COMMERCE], added: [COMMERCE] })]);
    expect(state.status).toBe('in_progress');
    if (state.status !== 'in_progress') throw new Error('unreachable');
    expect(state.task.parts.get(ECO)?.acknowledged).toBeDefined();
    expect(state.task.parts.get(COMMERCE)).toEqual({ role: 'cooperating', acknowledgeBy: '2024-04-02' });
    given([...C5_IN.in_progress, reassigned({ cooperating: [URBAN, COMMERCE], added: [COMMERCE] })])
      .when({ type: 'AcknowledgeTask', data: {}, metadata: dept(COMMERCE) })
      .then([
        {
          type: 'TaskAcknowledged',
          data: {
            department: COMMERCE,
            role: 'cooperating',
            acknowledgeBy: '2024-04-02',
            acknowledgedAt: NOW,
            late: false,
          },
        },
      ]);
  });

  it('a new lead sends the task back to assigned until it acknowledges; the old lead’s milestones go to it', () => {
    const event = reassigned({
      lead: [COMMERCE],
      cooperating: [URBAN],
      added: [COMMERCE],
      removed: [ECO],
      milestoneTransfers: [{ milestoneId: 'm1', from: ECO, to: COMMERCE }],
    });
    const state = given(C5_IN.in_progress)
      .when(reassign({ lead: [COMMERCE], cooperating: [URBAN] }))
      .then([event]);
    expect(state.status).toBe('assigned');
    if (state.status !== 'assigned') throw new Error('unreachable');
    // Ownership moves; the record of who delivered m1 does not.
    expect(state.task.milestones.get('m1')).toMatchObject({ owner: COMMERCE, completion: { department: ECO } });
    const back = given([...C5_IN.in_progress, event])
      .when({ type: 'AcknowledgeTask', data: {}, metadata: dept(COMMERCE) })
      .then([
        {
          type: 'TaskAcknowledged',
          data: { department: COMMERCE, role: 'lead', acknowledgeBy: '2024-04-02', acknowledgedAt: NOW, late: false },
        },
      ]);
    expect(back.status).toBe('in_progress');
  });

  it('a removed department can no longer act on the task', () => {
    const events = [
      ...C5_IN.in_progress,
      reassigned({
        lead: [ECO],
        cooperating: [COMMERCE],
        added: [COMMERCE],
        removed: [URBAN],
        milestoneTransfers: [{ milestoneId: 'm2', from: URBAN, to: ECO }],
      }),
    ];
    given(events)
      .when({ type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN) })
      .thenThrows('TASK.DEPARTMENT_NOT_ASSIGNED', 'forbidden');
  });

  it('gives a removed department’s milestones to the owner the office names', () => {
    given(C5_IN.in_progress)
      .when(reassign({ lead: [ECO], cooperating: [COMMERCE], milestoneOwners: { m2: COMMERCE } }))
      .then([
        reassigned({
          cooperating: [COMMERCE],
          added: [COMMERCE],
          removed: [URBAN],
          milestoneTransfers: [{ milestoneId: 'm2', from: URBAN, to: COMMERCE }],
        }),
      ]);
  });

  it('may move a milestone between departments that both stay', () => {
    given(C5_IN.in_progress)
      .when(reassign({ lead: [ECO], cooperating: [URBAN, COMMERCE], milestoneOwners: { m1: URBAN } }))
      .then([
        reassigned({
          cooperating: [URBAN, COMMERCE],
          added: [COMMERCE],
          milestoneTransfers: [{ milestoneId: 'm1', from: ECO, to: URBAN }],
        }),
      ]);
  });

  it('a department changing role keeps its acknowledgement (B-1: 区经发局 becomes the only lead, 区科技局 cooperates)', () => {
    const b1 = [assigned(B1), acknowledged(TECH, 'lead'), acknowledged(ECON, 'lead')];
    const state = given(b1)
      .when({
        type: 'ReassignTask',
        data: { lead: [ECON], cooperating: [TECH], acknowledgeBy: '2024-04-02', reason: '由区经发局牵头' },
        metadata: office(),
      })
      .then([
        {
          type: 'TaskReassigned',
          data: {
            previous: { lead: [TECH, ECON], cooperating: [] },
            lead: [ECON],
            cooperating: [TECH],
            added: [],
            removed: [],
            acknowledgeBy: '2024-04-02',
            milestoneTransfers: [],
            reason: '由区经发局牵头',
            reassignedAt: NOW,
            signOffVoided: false,
          },
        },
      ]);
    expect(state.status).toBe('in_progress');
    expect(state.status === 'in_progress' && state.task.parts.get(TECH)).toMatchObject({
      role: 'cooperating',
      acknowledged: { late: false },
    });
  });

  it.each(['sign_off_requested', 'awaiting_acceptance'] as const)('during %s voids the sign-off round', (status) => {
    const state = given(C5_IN[status])
      .when(reassign({ lead: [ECO], cooperating: [URBAN, COMMERCE] }))
      .then([reassigned({ cooperating: [URBAN, COMMERCE], added: [COMMERCE], signOffVoided: true })]);
    expect(state.status).toBe('in_progress');
    expect('signOff' in state).toBe(false);
  });

  it('in assigned stays assigned (the lead has still to acknowledge)', () => {
    expect(
      given(C5_IN.assigned)
        .when(reassign({ lead: [ECO], cooperating: [] }))
        .then([
          reassigned({
            cooperating: [],
            removed: [URBAN],
            milestoneTransfers: [{ milestoneId: 'm2', from: URBAN, to: ECO }],
          }),
        ]).status,
    ).toBe('assigned');
  });

  it.each<[string, Parameters<typeof reassign>[0], string]>([
    ['the same departments', { lead: [ECO], cooperating: [URBAN] }, 'TASK.REASSIGNMENT_UNCHANGED'],
    ['no lead', { lead: [], cooperating: [URBAN] }, 'TASK.INVALID_DEPARTMENTS'],
    ['a department in both roles', { lead: [ECO], cooperating: [ECO] }, 'TASK.INVALID_DEPARTMENTS'],
    ['no reason', { lead: [ECO], cooperating: [COMMERCE], reason: '' }, 'TASK.REASON_REQUIRED'],
    [
      'an acknowledgement deadline in the past',
      { lead: [ECO], cooperating: [COMMERCE], acknowledgeBy: '2024-03-27' },
      'TASK.DUE_DATE_IN_PAST',
    ],
    [
      'an unknown milestone to transfer',
      { lead: [ECO], cooperating: [COMMERCE], milestoneOwners: { m9: ECO } },
      'TASK.MILESTONE_NOT_FOUND',
    ],
    [
      'a new owner outside the task',
      { lead: [ECO], cooperating: [COMMERCE], milestoneOwners: { m2: URBAN } },
      'TASK.MILESTONE_OWNER_NOT_ASSIGNED',
    ],
  ])('refuses %s', (_case, data, code) => {
    given(C5_IN.in_progress).when(reassign(data)).thenThrows(code);
  });

  it('is the office’s, on an open task', () => {
    given(C5_IN.in_progress)
      .when({ ...reassign({ lead: [URBAN], cooperating: [] }), metadata: dept(ECO) })
      .thenThrows('TASK.OFFICE_ONLY');
    given([])
      .when(reassign({ lead: [ECO], cooperating: [] }))
      .thenThrows('TASK.NOT_ASSIGNED');
    given(C5_IN.accepted)
      .when(reassign({ lead: [ECO], cooperating: [] }))
      .thenThrows('TASK.CLOSED');
  });

  it('keeps completed milestones complete across a reassignment', () => {
    const events = [
      ...C5_IN.in_progress,
      reassigned({
        lead: [COMMERCE],
        cooperating: [URBAN],
        added: [COMMERCE],
        removed: [ECO],
        milestoneTransfers: [{ milestoneId: 'm1', from: ECO, to: COMMERCE }],
      }),
    ];
    given(events)
      .when({ type: 'CompleteMilestone', data: { milestoneId: 'm1', evidence: EVIDENCE }, metadata: dept(COMMERCE) })
      .thenThrows('TASK.NOT_ACKNOWLEDGED');
    given([...events, acknowledged(COMMERCE, 'lead')])
      .when({ type: 'CompleteMilestone', data: { milestoneId: 'm1', evidence: EVIDENCE }, metadata: dept(COMMERCE) })
      .thenThrows('TASK.MILESTONE_ALREADY_COMPLETED');
  });
});
