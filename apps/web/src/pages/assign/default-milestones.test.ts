import { describe, expect, it } from 'vitest';
import { DEFAULT_MILESTONE_SETTINGS as PLAN, defaultMilestones } from './default-milestones';

const ECO = '区生态环境局';

describe('the milestones 交办 prefills', () => {
  it('given a 2023-2025 window in 2023, then one per year due 31 December, the last completes the task', () => {
    expect(defaultMilestones('2023-2025', PLAN, '2023-03-01', ECO)).toEqual([
      { milestoneId: 'y2023', title: '2023年度目标', dueDate: '2023-12-31', owner: ECO },
      { milestoneId: 'y2024', title: '2024年度目标', dueDate: '2024-12-31', owner: ECO },
      { milestoneId: 'y2025', title: '2025年：完成任务', dueDate: '2025-12-31', owner: ECO },
    ]);
  });

  it('given the service in 2024, then the past year is left out (skipPastYears), the final one always stays', () => {
    expect(defaultMilestones('2022-2025', PLAN, '2024-06-01', ECO).map((m) => m.dueDate)).toEqual([
      '2024-12-31',
      '2025-12-31',
    ]);
    expect(defaultMilestones('2023', PLAN, '2024-06-01', ECO)).toEqual([
      { milestoneId: 'y2023', title: '完成任务', dueDate: '2023-12-31', owner: ECO },
    ]);
  });

  it('given cadence final or past years kept, then the plan settings decide', () => {
    expect(defaultMilestones('2023-2025', { ...PLAN, cadence: 'final' }, '2023-01-01', ECO)).toHaveLength(1);
    expect(defaultMilestones('2021-2023', { ...PLAN, skipPastYears: false }, '2023-05-01', ECO)).toHaveLength(3);
  });

  it('given 持续开展 or a window not understood, then no milestone (the api reports instead)', () => {
    expect(defaultMilestones('持续开展', PLAN, '2023-03-01', ECO)).toEqual([]);
    expect(defaultMilestones('2023年底前', PLAN, '2023-03-01', ECO)).toEqual([]);
  });
});
