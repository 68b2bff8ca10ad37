import type { RecordedEvent } from '@zw/event-store';
import { audienceOf, InboxModel } from './inbox.model';

const ECO = '连云生态环境局';
const URBAN = '区城管局';
const TASK = 'task-lianyun-2022-2025.C-5';
let position = 0n;
const event = (streamId: string, type: string, data: object): RecordedEvent => {
  position += 10n;
  return {
    id: `e${position}`,
    streamId,
    type,
    data,
    metadata: {
      actorId: 'x',
      role: 'x',
      correlationId: 'c',
      causationId: 'c',
      occurredAt: `2024-01-0${position / 10n}T10:00:00+08:00`,
    },
    revision: 0n,
    position,
    recordedAt: '',
  };
};
const reminder = (department: string, channel: string, message: string, streamId = TASK) =>
  event(streamId, 'ReminderSent', { department, channel, message, rule: 'before-due' });

describe('the inbox fold', () => {
  let inbox: InboxModel;
  const all = () => true;
  const kinds = (audience: string) => inbox.newestFirst(audience, all).map((n) => [n.position, n.kind, n.text]);

  beforeEach(() => {
    position = 0n;
    inbox = new InboxModel();
    inbox.apply(
      event(TASK, 'TaskAssigned', {
        facts: { title: '社会源危险废物回收体系建设' },
        lead: [ECO],
        cooperating: [URBAN],
      }),
    ); // 10
    inbox.apply(reminder(ECO, 'inapp', '【签收提醒】任务 C-5 …')); // 20
    inbox.apply(reminder(ECO, 'email', '【签收提醒】任务 C-5 …(e-mail)')); // 30: another channel, not the inbox
    inbox.apply(event(TASK, 'ExtensionRequested', { extensionId: 'x1', department: ECO })); // 40
    inbox.apply(event(TASK, 'ExtensionApproved', { extensionId: 'x1', newDueDate: '2025-03-31' })); // 50
    inbox.apply(event(TASK, 'SignOffObjected', { department: URBAN, reason: '照片不全' })); // 60
    inbox.apply(event(TASK, 'TaskReturned', { reason: '缺少验收报告' })); // 70
    inbox.apply(
      event(TASK, 'EscalationSent', { level: 'leadership', channel: 'inapp', message: '【督办】C-5 逾期 14 个工作日' }),
    ); // 80
    inbox.apply(
      event('indicator-lianyun-2022-2025.3', 'ReminderSent', {
        department: ECO,
        channel: 'inapp',
        message: '【指标报送】',
      }),
    ); // 90
    inbox.apply(event('user-zhang.wei', 'NotificationsRead', { upTo: '10' })); // 100: not a notification
  });

  it('shows a department what the in-app channel sent it and what needs its attention, newest first', () => {
    expect(kinds(`department:${ECO}`)).toEqual([
      ['90', 'reminder', '【指标报送】'],
      ['70', 'returned', '无废办退回：缺少验收报告'],
      ['50', 'extension-decided', '延期申请已批准：期限延至 2025-03-31'],
      ['20', 'reminder', '【签收提醒】任务 C-5 …'],
      ['10', 'assigned', '任务 C-5 已交办贵单位牵头，请及时签收'],
    ]);
    expect(kinds(`department:${URBAN}`)).toEqual([['10', 'assigned', '任务 C-5 已交办贵单位配合，请及时签收']]);
    expect(inbox.newestFirst(`department:${ECO}`, all)[0]).toMatchObject({
      code: 'indicator:3',
      planId: 'lianyun-2022-2025',
      kindLabel: '催办',
    });
    expect(inbox.newestFirst(`department:${ECO}`, all)[3]).toMatchObject({
      code: 'C-5',
      title: '社会源危险废物回收体系建设',
    });
  });

  it('shows the office objections and leaders 督办', () => {
    expect(kinds('office')).toEqual([['60', 'objection', '区城管局 对会签提出异议：照片不全']]);
    expect(kinds('leadership')).toEqual([['80', 'escalation', '【督办】C-5 逾期 14 个工作日']]);
  });

  it('keeps the latest `cap` per audience and plan: another district of the same names crowds nothing out', () => {
    const small = new InboxModel(2);
    const other = 'task-other-district.C-5';
    for (const n of [1, 2, 3]) small.apply(reminder(ECO, 'inapp', `第${n}次`));
    for (const n of [4, 5, 6]) small.apply(reminder(ECO, 'inapp', `乙区第${n}次`, other));
    const texts = (inReach: (planId: string) => boolean) =>
      small.newestFirst(`department:${ECO}`, inReach).map((n) => n.text);
    expect(texts((planId) => planId === 'lianyun-2022-2025')).toEqual(['第3次', '第2次']);
    expect(texts((planId) => planId === 'other-district')).toEqual(['乙区第6次', '乙区第5次']);
    // A city's leader reaching both plans: one list, newest first across them.
    expect(texts(all)).toEqual(['乙区第6次', '乙区第5次', '第3次', '第2次']);
    expect(texts(() => false)).toEqual([]);
  });

  it('names the audience of each role; admins have none', () => {
    expect(audienceOf({ role: 'department', department: ECO })).toBe(`department:${ECO}`);
    expect(audienceOf({ role: 'office' })).toBe('office');
    expect(audienceOf({ role: 'leader' })).toBe('leadership');
    expect(audienceOf({ role: 'admin' })).toBeUndefined();
  });
});
