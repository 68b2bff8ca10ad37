import {
  decide,
  initialIndicatorState,
  taskStreamId,
  type IndicatorDefinition,
  type IndicatorState,
  type TaskCommand,
} from '@zw/domain';
import { applyToRow, newTaskRow, type TaskRow } from '../rows/task-row';
import { c5Like, ECO, PLAN, URBAN } from '../testing/history';
import { todoFor, type TodoWho } from './todo.view';

/**
 * 我的待办 along C-5's workflow: after each step, what the lead (ECO), the cooperating
 * department (URBAN), the office and leaders must do, on the day named.
 */
const at = (day: string) => `${day}T10:00:00+08:00`;
const office = (day: string) => ({ actor: { actorId: 'u-office', role: 'office' as const }, now: at(day) });
const dept = (department: string, day: string) => ({
  actor: { actorId: `u-${department}`, role: 'department' as const, department },
  now: at(day),
});
const EVIDENCE = [{ title: '方案', documentRef: '连环发〔2024〕1号' }];

let row: TaskRow;
let revision = 0;
function given(command: TaskCommand): void {
  for (const event of decide(command, row.state)) {
    applyToRow(row, {
      id: `e${revision}`,
      streamId: row.streamId,
      type: event.type,
      data: event.data,
      metadata: { actorId: 'x', role: 'x', correlationId: 'c', causationId: 'c', occurredAt: command.metadata.now },
      revision: BigInt(revision),
      position: BigInt(revision + 1),
      recordedAt: command.metadata.now,
    });
    revision += 1;
  }
}
const ecoWho: TodoWho = { role: 'department', department: ECO };
const urbanWho: TodoWho = { role: 'department', department: URBAN };
const todo = (who: TodoWho, today: string, indicators: Parameters<typeof todoFor>[1]['indicators'] = []) =>
  todoFor(who, { rows: [row], indicators, today }).map((i) => [i.kind, i.dueDate, i.daysLeft, i.light, i.action.route]);

beforeEach(() => {
  row = newTaskRow(taskStreamId(PLAN, 'C-5'))!;
  revision = 0;
  given({ type: 'AssignTask', data: c5Like('C-5'), metadata: office('2024-01-02') });
});

describe('我的待办 (todoFor)', () => {
  it('given an assignment, each department has 签收 to do by its deadline; the office nothing yet', () => {
    const ack = ['acknowledge', '2024-01-05', 2, 'yellow', '/tasks/C-5/acknowledgements'];
    expect(todo(ecoWho, '2024-01-03')).toEqual([ack]);
    expect(todo(urbanWho, '2024-01-03')).toEqual([ack]);
    expect(todo({ role: 'office' }, '2024-01-03')).toEqual([]);
    expect(todo({ role: 'admin' }, '2024-01-03')).toEqual([]);
  });

  it('given a missed 签收 deadline, the department sees it red and the office sees it overdue', () => {
    given({ type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN, '2024-01-03') });
    expect(todo(urbanWho, '2024-01-06')).toEqual([]);
    expect(todo(ecoWho, '2024-01-06')).toEqual([
      ['acknowledge', '2024-01-05', -1, 'red', '/tasks/C-5/acknowledgements'],
    ]);
    expect(todo({ role: 'office' }, '2024-01-06')).toEqual([
      ['acknowledgement-overdue', '2024-01-05', -1, 'red', '/tasks/C-5'],
    ]);
  });

  it('given the work under way, a milestone enters the owner’s list 30 days before it is due', () => {
    given({ type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN, '2024-01-03') });
    given({ type: 'AcknowledgeTask', data: {}, metadata: dept(ECO, '2024-01-04') });
    expect(todo(ecoWho, '2024-05-30')).toEqual([]);
    const m1 = ['milestone', '2024-06-30', 20, 'yellow', '/tasks/C-5/milestones/m1/completion'];
    expect(todo(ecoWho, '2024-06-10')).toEqual([m1]);
    // 黄 follows the board's 临期 window (LIGHT_DUE_SOON_DAYS), not a window of its own.
    const narrow = todoFor(ecoWho, { rows: [row], indicators: [], today: '2024-06-10', dueSoonDays: 7 });
    expect(narrow.map((i) => i.light)).toEqual(['green']);
    expect(todo(urbanWho, '2024-06-10')).toEqual([]);
    expect(todo(ecoWho, '2024-07-02')).toEqual([['milestone', '2024-06-30', -2, 'red', m1[4]]]);
  });

  it('an extension: the office decides it, then the requester sees the decision for a week', () => {
    given({ type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN, '2024-01-03') });
    given({ type: 'AcknowledgeTask', data: {}, metadata: dept(ECO, '2024-01-04') });
    given({
      type: 'RequestExtension',
      data: {
        extensionId: 'x1',
        target: { kind: 'milestone', milestoneId: 'm1' },
        newDueDate: '2024-08-31',
        reason: '招标延后',
      },
      metadata: dept(ECO, '2024-06-01'),
    });
    expect(todo({ role: 'office' }, '2024-06-02')).toEqual([
      ['extension-to-decide', '2024-06-30', 28, 'yellow', '/tasks/C-5/extensions/x1/approval'],
    ]);
    given({ type: 'ApproveExtension', data: { extensionId: 'x1' }, metadata: office('2024-06-03') });
    expect(todo({ role: 'office' }, '2024-06-03')).toEqual([]);
    expect(todo(ecoWho, '2024-06-05')).toEqual([['extension-decided', null, null, 'green', '/tasks/C-5']]);
    expect(todo(ecoWho, '2024-06-11')).toEqual([]);
  });

  it('会签: asked of the cooperating department; an objection goes to the office; 退回 back to the lead', () => {
    given({ type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN, '2024-01-03') });
    given({ type: 'AcknowledgeTask', data: {}, metadata: dept(ECO, '2024-01-04') });
    given({
      type: 'CompleteMilestone',
      data: { milestoneId: 'm1', evidence: EVIDENCE },
      metadata: dept(ECO, '2024-05-01'),
    });
    given({
      type: 'CompleteMilestone',
      data: { milestoneId: 'm2', evidence: EVIDENCE },
      metadata: dept(URBAN, '2024-05-02'),
    });
    given({ type: 'RequestSignOff', data: {}, metadata: dept(ECO, '2024-05-03') });
    expect(todo(urbanWho, '2024-05-04')).toEqual([['sign-off', null, null, 'green', '/tasks/C-5/sign-offs']]);
    given({ type: 'ObjectToSignOff', data: { reason: '照片不全' }, metadata: dept(URBAN, '2024-05-05') });
    expect(todo(urbanWho, '2024-05-06')).toEqual([]);
    expect(todo({ role: 'office' }, '2024-05-06')).toEqual([['objection', null, null, 'green', '/tasks/C-5']]);
    given({ type: 'RequestSignOff', data: {}, metadata: dept(ECO, '2024-05-07') });
    given({ type: 'SignOff', data: {}, metadata: dept(URBAN, '2024-05-08') });
    expect(todo({ role: 'office' }, '2024-05-09')).toEqual([
      ['acceptance', '2024-12-31', 236, 'green', '/tasks/C-5/acceptance'],
    ]);
    given({ type: 'ReturnTask', data: { reason: '缺少验收报告' }, metadata: office('2024-05-10') });
    expect(todo({ role: 'office' }, '2024-05-11')).toEqual([]);
    expect(todo(ecoWho, '2024-05-11')).toEqual([['returned', null, null, 'green', '/tasks/C-5/sign-off-request']]);
    given({ type: 'ReopenMilestone', data: { milestoneId: 'm1', reason: '补充' }, metadata: office('2024-05-11') });
    given({
      type: 'CompleteMilestone',
      data: { milestoneId: 'm1', evidence: EVIDENCE },
      metadata: dept(ECO, '2024-05-12'),
    });
    given({ type: 'RequestSignOff', data: {}, metadata: dept(ECO, '2024-05-13') });
    expect(todo(ecoWho, '2024-05-14')).toEqual([]);
  });

  it('leaders see 督办 escalated to leadership within the last week', () => {
    row.recentDeliveries.push({
      type: 'EscalationSent',
      department: ECO,
      rule: 'overdue',
      channel: 'inapp',
      level: 'leadership',
      at: '2025-01-20T08:30:00+08:00',
      revision: 9,
    });
    expect(todo({ role: 'leader' }, '2025-01-22')).toEqual([['escalation', '2024-12-31', -22, 'red', '/tasks/C-5']]);
    expect(todo({ role: 'leader' }, '2025-01-28')).toEqual([]);
  });

  it('indicator reports: owed by the responsible department near the due date, confirmed by the office', () => {
    const def = {
      planId: PLAN,
      id: '3',
      row: { level3: '一般工业固体废物综合利用率' },
      responsible: [ECO],
      baselineYear: 2022,
      targetYear: 2023,
    } as unknown as IndicatorDefinition;
    row = newTaskRow(taskStreamId(PLAN, 'C-5'))!; // no task work in this story
    const empty = initialIndicatorState();
    expect(todo(ecoWho, '2023-12-20', [{ def, state: empty }])).toEqual([]);
    expect(todo(ecoWho, '2024-01-10', [{ def, state: empty }])).toEqual([
      ['indicator-report', '2024-01-31', 21, 'yellow', '/indicators/3/reports'],
    ]);
    const report = { reportId: 'r1', period: '2023', department: ECO, status: 'pending' };
    const reported = { ...empty, reports: new Map([['r1', report]]) } as unknown as IndicatorState;
    expect(todo(ecoWho, '2024-01-10', [{ def, state: reported }])).toEqual([]);
    expect(todo({ role: 'office' }, '2024-01-10', [{ def, state: reported }])).toEqual([
      ['indicator-to-confirm', null, null, 'green', '/indicators/3/reports/r1/confirmation'],
    ]);
  });
});
