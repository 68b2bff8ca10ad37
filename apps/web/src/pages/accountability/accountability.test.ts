import { describe, expect, it } from 'vitest';
import { accountabilitySections, figureCards, type Accountability } from './accountability';

const figures: Accountability['figures'] = {
  led: 3,
  supported: 2,
  pendingAcknowledgements: 1,
  overdueAcknowledgements: 1,
  milestonesDueSoon: 0,
  milestonesOverdue: 1,
  tasksOverdue: 0,
  reportsOverdue: 0,
  overdueItems: 2,
  completedOnTime: 1,
  completedLate: 0,
  onTimeRate: 1,
  averageAcknowledgementDays: null,
  reminders: 4,
  escalations: 0,
};

const view: Accountability = {
  planId: 'p',
  department: '区生态环境局',
  asOf: '2024-01-05',
  figures,
  tasksLed: [{ code: 'A-6', title: '工业固废清单', statusLabel: '办理中' }],
  tasksSupported: [],
  pendingAcknowledgements: [
    {
      code: 'A-7',
      title: '危废监管',
      role: 'lead',
      since: '2023-12-29T09:00:00+08:00',
      acknowledgeBy: '2024-01-03',
      ageDays: 5,
      overdue: true,
    },
  ],
  milestonesDueSoon: [],
  milestonesOverdue: [
    { code: 'A-6', milestoneId: 'y2023', title: '2023年度目标', dueDate: '2023-12-31', daysOverdue: 5 },
  ],
  tasksOverdue: [],
  reportsOverdue: [],
  completed: [],
  deliveries: [
    {
      type: 'ReminderSent',
      typeLabel: '催办',
      department: '区生态环境局',
      rule: 'r',
      channel: 'inbox',
      at: '2024-01-02T09:00:00+08:00',
      revision: 3,
      code: '指标14',
    },
  ],
  currentResponsible: [],
};

describe('单位责任', () => {
  it('given the figures, then each has its Chinese label, rates in per cent, missing averages as —, overdue marked', () => {
    const cards = figureCards(figures);
    expect(cards.find((c) => c.label === '逾期事项')).toEqual({ label: '逾期事项', value: '2', warn: true });
    expect(cards.find((c) => c.label === '按时完成率')?.value).toBe('100%');
    expect(cards.find((c) => c.label === '平均签收用时')?.value).toBe('—');
  });

  it('given the view, then the lists come in working order with the overdue lines marked late', () => {
    const sections = accountabilitySections(view);
    expect(sections.map((s) => s.title)).toEqual([
      '当前待办',
      '待签收',
      '逾期里程碑',
      '逾期任务',
      '逾期未报送',
      '临期里程碑',
      '牵头任务',
      '配合任务',
      '已完成',
      '催办督办记录',
    ]);
    expect(sections[1]!.lines).toEqual([{ code: 'A-7', text: '危废监管（签收期限 2024-01-03，已逾期）', late: true }]);
    expect(sections[2]!.lines[0]).toEqual({
      code: 'A-6',
      text: '2023年度目标（期限 2023-12-31，逾期 5 天）',
      late: true,
    });
    expect(sections[9]!.lines).toEqual([{ code: '指标14', text: '2024-01-02 催办', late: false }]);
  });
});
