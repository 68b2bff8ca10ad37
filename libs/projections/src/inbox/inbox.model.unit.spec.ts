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
  const kinds = (audience: string) => inbox.page(audience, undefined, 50).map((n) => [n.position, n.kind, n.text]);

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
    expect(inbox.page(`department:${ECO}`, undefined, 1)[0]).toMatchObject({
      code: 'indicator:3',
      planId: 'lianyun-2022-2025',
      kindLabel: '催办',
    });
    expect(inbox.page(`department:${ECO}`, 20n, 5)[0]).toMatchObject({
      code: 'C-5',
      title: '社会源危险废物回收体系建设',
    });
  });

  it('shows the office objections and leaders 督办', () => {
    expect(kinds('office')).toEqual([['60', 'objection', '区城管局 对会签提出异议：照片不全']]);
    expect(kinds('leadership')).toEqual([['80', 'escalation', '【督办】C-5 逾期 14 个工作日']]);
  });

  it('pages before a position and counts what is after the read position', () => {
    const audience = `department:${ECO}`;
    expect(inbox.page(audience, 70n, 2).map((n) => n.position)).toEqual(['50', '20']);
    expect(inbox.unread(audience, undefined)).toBe(5);
    expect(inbox.unread(audience, 50n)).toBe(2);
    expect(inbox.unread(audience, 90n)).toBe(0);
    expect(inbox.latest(audience)).toBe(90n);
  });

  it('keeps the latest `cap` per audience', () => {
    const small = new InboxModel(2);
    for (const n of [1, 2, 3]) small.apply(reminder(ECO, 'inapp', `第${n}次`));
    expect(small.page(`department:${ECO}`, undefined, 10).map((n) => n.text)).toEqual(['第3次', '第2次']);
  });

  it('names the audience of each role; admins have none', () => {
    expect(audienceOf({ role: 'department', department: ECO })).toBe(`department:${ECO}`);
    expect(audienceOf({ role: 'office' })).toBe('office');
    expect(audienceOf({ role: 'leader' })).toBe('leadership');
    expect(audienceOf({ role: 'admin' })).toBeUndefined();
  });
});
