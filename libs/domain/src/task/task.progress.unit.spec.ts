import type { TaskCommand } from './task.commands';
import type { Evidence, TaskEvent } from './task.events';
import {
  acknowledged,
  assigned,
  B1,
  C2,
  C5_IN,
  dept,
  ECO,
  EVIDENCE,
  FINANCE,
  given,
  M2,
  metaOf,
  NOW,
  office,
  TECH,
  URBAN,
} from './testing/task.fixtures';

const report = (department: string, percent: number, text = '已完成收集方案编制'): TaskCommand => ({
  type: 'ReportProgress',
  data: { percent, text, difficulties: '选址难', nextSteps: '开展试点' },
  metadata: dept(department),
});
const periodic = (period: string, department = FINANCE, now = NOW): TaskCommand => ({
  type: 'SubmitPeriodicReport',
  data: { period, text: '一季度新增绿色信贷3亿元', difficulties: '', nextSteps: '二季度继续推进' },
  metadata: dept(department, now),
});
const complete = (
  milestoneId: string,
  department: string,
  evidence: readonly Evidence[] = EVIDENCE,
  now = NOW,
): TaskCommand => ({
  type: 'CompleteMilestone',
  data: { milestoneId, evidence, note: '方案已印发' },
  metadata: dept(department, now),
});
const c2InProgress = [assigned(C2), acknowledged(FINANCE, 'lead')];

describe('reporting progress (进展)', () => {
  it('given C-5 in progress, when the lead reports 40%, then ProgressReported', () => {
    const state = given(C5_IN.in_progress)
      .when(report(ECO, 40))
      .then([
        {
          type: 'ProgressReported',
          data: {
            department: ECO,
            percent: 40,
            text: '已完成收集方案编制',
            difficulties: '选址难',
            nextSteps: '开展试点',
            reportedAt: NOW,
          },
        },
      ]);
    expect(state.status === 'in_progress' && state.task.progress.get(ECO)).toEqual({ percent: 40, reportedAt: NOW });
  });

  it('a cooperating department reports once it has acknowledged', () => {
    given(C5_IN.in_progress).when(report(URBAN, 10)).thenThrows('TASK.DEPARTMENT_NOT_ACKNOWLEDGED', 'conflict');
    given([...C5_IN.in_progress, acknowledged(URBAN, 'cooperating')])
      .when(report(URBAN, 10))
      .then([
        {
          type: 'ProgressReported',
          data: {
            department: URBAN,
            percent: 10,
            text: '已完成收集方案编制',
            difficulties: '选址难',
            nextSteps: '开展试点',
            reportedAt: NOW,
          },
        },
      ]);
  });

  it.each([-1, 101, 33.5, Number.NaN])('refuses percent %p', (percent) => {
    given(C5_IN.in_progress).when(report(ECO, percent)).thenThrows('TASK.INVALID_PERCENT', 'invalid');
  });

  it('refuses an empty report', () => {
    given(C5_IN.in_progress)
      .when(report(ECO, 50, ' '))
      .thenThrows('TASK.TEXT_REQUIRED', 'invalid');
  });

  it('needs the task in progress, the department assigned, and a department actor', () => {
    given(C5_IN.assigned).when(report(ECO, 10)).thenThrows('TASK.NOT_ACKNOWLEDGED', 'conflict');
    given(C5_IN.sign_off_requested).when(report(ECO, 100)).thenThrows('TASK.NOT_IN_PROGRESS', 'conflict');
    given(C5_IN.in_progress).when(report('区教育局', 10)).thenThrows('TASK.DEPARTMENT_NOT_ASSIGNED', 'forbidden');
    given(C5_IN.in_progress)
      .when({ ...report(ECO, 10), metadata: office() })
      .thenThrows('TASK.DEPARTMENT_ONLY', 'forbidden');
    given(C5_IN.in_progress)
      .when({ ...report(ECO, 10), metadata: metaOf('leader') })
      .thenThrows('TASK.DEPARTMENT_ONLY');
    given([]).when(report(ECO, 10)).thenThrows('TASK.NOT_ASSIGNED');
    given(C5_IN.accepted).when(report(ECO, 10)).thenThrows('TASK.CLOSED');
  });
});

describe('periodic reports of an ongoing task (持续开展, 进展报送)', () => {
  const submitted = (period: string, department = FINANCE): TaskEvent => ({
    type: 'PeriodicReportSubmitted',
    data: {
      department,
      period,
      text: '一季度新增绿色信贷3亿元',
      difficulties: '',
      nextSteps: '二季度继续推进',
      submittedAt: NOW,
    },
  });

  it('given C-2 in progress, when 区财政局 reports 2024-Q1, then PeriodicReportSubmitted', () => {
    const state = given(c2InProgress)
      .when(periodic('2024-Q1'))
      .then([submitted('2024-Q1')]);
    expect(state.status === 'in_progress' && state.task.periodicReports.get('2024-Q1')).toEqual([FINANCE]);
  });

  it('takes one report per department and period', () => {
    given([...c2InProgress, submitted('2024-Q1')])
      .when(periodic('2024-Q1'))
      .thenThrows('TASK.PERIOD_ALREADY_REPORTED', 'conflict');
  });

  it.each([
    ['a period not begun', '2024-Q2'],
    ['a period that ended before assignment', '2023-Q4'],
    ['a month on a quarterly task', '2024-03'],
    ['nonsense', 'Q1'],
    ['a fifth quarter', '2024-Q5'],
  ])('refuses %s (%s)', (_case, period) => {
    given(c2InProgress).when(periodic(period)).thenThrows('TASK.INVALID_PERIOD', 'invalid');
  });

  it('follows the cadence the office set (monthly)', () => {
    const monthly = [assigned({ ...C2, reporting: 'monthly' }), acknowledged(FINANCE, 'lead')];
    given(monthly)
      .when(periodic('2024-03'))
      .then([submitted('2024-03')]);
    given(monthly).when(periodic('2024-Q1')).thenThrows('TASK.INVALID_PERIOD');
  });

  it('is for ongoing tasks only, in progress, by an acknowledged department', () => {
    given(C5_IN.in_progress).when(periodic('2024-Q1', ECO)).thenThrows('TASK.NOT_ONGOING', 'conflict');
    given([assigned(C2)])
      .when(periodic('2024-Q1'))
      .thenThrows('TASK.NOT_ACKNOWLEDGED');
    given(c2InProgress).when(periodic('2024-Q1', ECO)).thenThrows('TASK.DEPARTMENT_NOT_ASSIGNED');
    given(c2InProgress)
      .when({ ...periodic('2024-Q1'), metadata: office() })
      .thenThrows('TASK.DEPARTMENT_ONLY');
  });
});

describe('completing milestones (节点, 佐证材料)', () => {
  it('given C-5 in progress, when 区城管局 completes its own m2 with evidence, then MilestoneCompleted', () => {
    const events = [...C5_IN.in_progress, acknowledged(URBAN, 'cooperating')];
    const state = given(events)
      .when(complete('m2', URBAN))
      .then([
        {
          type: 'MilestoneCompleted',
          data: {
            milestoneId: 'm2',
            title: M2.title,
            department: URBAN,
            evidence: EVIDENCE,
            note: '方案已印发',
            dueDate: '2024-10-31',
            late: false,
            completedAt: NOW,
          },
        },
      ]);
    expect(state.status === 'in_progress' && state.task.milestones.get('m2')?.completion?.department).toBe(URBAN);
  });

  it('a lead may complete any milestone of its task', () => {
    given(C5_IN.in_progress)
      .when(complete('m2', ECO))
      .then([
        {
          type: 'MilestoneCompleted',
          data: {
            milestoneId: 'm2',
            title: M2.title,
            department: ECO,
            evidence: EVIDENCE,
            note: '方案已印发',
            dueDate: '2024-10-31',
            late: false,
            completedAt: NOW,
          },
        },
      ]);
  });

  it('records a completion after the due date as late', () => {
    const now = '2024-11-01T09:00:00+08:00';
    given(C5_IN.in_progress)
      .when(complete('m2', ECO, EVIDENCE, now))
      .then([
        {
          type: 'MilestoneCompleted',
          data: {
            milestoneId: 'm2',
            title: M2.title,
            department: ECO,
            evidence: EVIDENCE,
            note: '方案已印发',
            dueDate: '2024-10-31',
            late: true,
            completedAt: now,
          },
        },
      ]);
  });

  it('a cooperating department may not complete the lead’s milestone', () => {
    const b1 = [
      assigned({ ...B1, cooperating: [URBAN] }),
      acknowledged(TECH, 'lead'),
      acknowledged('区经发局', 'lead'),
      acknowledged(URBAN, 'cooperating'),
    ];
    given(b1).when(complete('b1-2024', URBAN)).thenThrows('TASK.NOT_MILESTONE_OWNER', 'forbidden');
  });

  it('refuses an unknown or completed milestone', () => {
    given(C5_IN.in_progress).when(complete('m9', ECO)).thenThrows('TASK.MILESTONE_NOT_FOUND', 'not_found');
    given(C5_IN.in_progress).when(complete('m1', ECO)).thenThrows('TASK.MILESTONE_ALREADY_COMPLETED', 'conflict');
  });

  it.each<[string, Evidence[], string]>([
    ['no evidence', [], 'TASK.EVIDENCE_REQUIRED'],
    ['an item with neither url nor document', [{ title: '照片' }], 'TASK.INVALID_EVIDENCE'],
    ['an item without title', [{ title: ' ', url: 'https://files.example.gov.cn/a.pdf' }], 'TASK.INVALID_EVIDENCE'],
    ['a url that is no web address', [{ title: '方案', url: 'file:///c:/方案.docx' }], 'TASK.INVALID_EVIDENCE'],
    [
      'a hash that is not SHA-256',
      [{ title: '方案', documentRef: '连环发〔2024〕12号', sha256: 'abc' }],
      'TASK.INVALID_EVIDENCE',
    ],
  ])('refuses %s', (_case, evidence, code) => {
    given(C5_IN.in_progress)
      .when(complete('m2', ECO, evidence))
      .thenThrows(code, 'invalid');
  });

  it('normalises evidence as recorded: trimmed, hash in lower case', () => {
    const evidence = [{ title: ' 方案 ', documentRef: ' 连环发〔2024〕12号 ', url: '', sha256: 'A'.repeat(64) }];
    given(C5_IN.in_progress)
      .when(complete('m2', ECO, evidence))
      .then([
        {
          type: 'MilestoneCompleted',
          data: {
            milestoneId: 'm2',
            title: M2.title,
            department: ECO,
            evidence: [{ title: '方案', documentRef: '连环发〔2024〕12号', sha256: 'a'.repeat(64) }],
            note: '方案已印发',
            dueDate: '2024-10-31',
            late: false,
            completedAt: NOW,
          },
        },
      ]);
  });

  it('needs the task in progress and the department to have acknowledged', () => {
    given(C5_IN.assigned).when(complete('m1', ECO)).thenThrows('TASK.NOT_ACKNOWLEDGED');
    given(C5_IN.in_progress).when(complete('m2', URBAN)).thenThrows('TASK.DEPARTMENT_NOT_ACKNOWLEDGED');
    given(C5_IN.awaiting_acceptance).when(complete('m2', ECO)).thenThrows('TASK.NOT_IN_PROGRESS');
    given(C5_IN.in_progress)
      .when({ ...complete('m2', ECO), metadata: metaOf('admin') })
      .thenThrows('TASK.DEPARTMENT_ONLY');
  });
});
