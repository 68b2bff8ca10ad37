import { loadLianyunPlan } from '@zw/plan';
import { assignmentDefaults, workingDaysAfter } from './task-defaults';

const plan = loadLianyunPlan();
const row = (code: string) => plan.tasks.find((t) => t.code === code)!;
const at = (iso: string) => new Date(iso);

describe('assignment defaults from the plan row', () => {
  it('given a 2023-2025 window assigned in 2023, one milestone per year, each due 31 December', () => {
    const { request } = assignmentDefaults(plan, row('A-15'), at('2023-03-01T09:00:00+08:00'));
    expect(request.milestones.map((m) => [m.milestoneId, m.dueDate])).toEqual([
      ['y2023', '2023-12-31'],
      ['y2024', '2024-12-31'],
      ['y2025', '2025-12-31'],
    ]);
    expect(request.dueDate).toBe('2025-12-31');
    expect(request.lead).toEqual(['湾长办']);
  });

  it('given the same window assigned in 2024, no milestone for the year already over', () => {
    const { request } = assignmentDefaults(plan, row('A-15'), at('2024-05-01T09:00:00+08:00'));
    expect(request.milestones.map((m) => m.milestoneId)).toEqual(['y2024', 'y2025']);
  });

  it('keeps generic entries (A-15 相关职责部门) and self-cooperation (C-6) out of the assignment, saying why', () => {
    const a15 = assignmentDefaults(plan, row('A-15'), at('2023-03-01T09:00:00+08:00'));
    expect(a15.request.cooperating).toEqual([]);
    expect(a15.notAssigned).toEqual([expect.objectContaining({ name: '相关职责部门' })]);
    const c6 = assignmentDefaults(plan, row('C-6'), at('2023-03-01T09:00:00+08:00'));
    expect(c6.request).toMatchObject({ lead: ['区供销总社'], cooperating: [] });
    expect(c6.notAssigned).toEqual([expect.objectContaining({ name: '区供销总社', reason: '配合单位与牵头单位相同' })]);
  });

  it('gives two leads for B-1 and an ongoing task no due date, quarterly reports', () => {
    expect(assignmentDefaults(plan, row('B-1'), at('2023-03-01T09:00:00+08:00')).request.lead).toHaveLength(2);
    const ongoing = plan.tasks.find((t) => t.window === '持续开展')!;
    const { request } = assignmentDefaults(plan, ongoing, at('2023-03-01T09:00:00+08:00'));
    expect(request).toMatchObject({ dueDate: null, milestones: [], reporting: 'quarterly', facts: { ongoing: true } });
  });

  it('counts the acknowledgement deadline in working days of the Chinese calendar (holidays, 调休)', () => {
    expect(workingDaysAfter('2024-09-27', 3)).toBe('2024-10-08'); // 国庆: 9-29 is a make-up workday
    expect(workingDaysAfter('2023-03-01', 3)).toBe('2023-03-06');
  });
});
