import { bundledPlan, secondDistrictPlan } from '../../../plan/src/testing/fixture-plans';
import { acknowledgementDeadline, assignmentDefaults } from './assignment.defaults';

const plan = bundledPlan();
const second = secondDistrictPlan();
const rowOf = (p: typeof plan, code: string) => p.tasks.find((t) => t.code === code)!;

describe('assignment defaults from the plan row and the plan file’s settings', () => {
  describe('given the bundled plan (yearly milestones, 签收 in 3 working days, quarterly reports)', () => {
    it('a 2023-2025 window assigned in 2023 gets one milestone per year, each due 31 December', () => {
      const { request } = assignmentDefaults(plan, rowOf(plan, 'A-15'), '2023-03-01');
      expect(request.milestones.map((m) => [m.milestoneId, m.title, m.dueDate])).toEqual([
        ['y2023', '2023年度目标', '2023-12-31'],
        ['y2024', '2024年度目标', '2024-12-31'],
        ['y2025', '2025年：完成任务', '2025-12-31'],
      ]);
      expect(request).toMatchObject({ dueDate: '2025-12-31', lead: ['湾长办'], acknowledgeBy: '2023-03-06' });
    });

    it('the same window assigned in 2024 gets no milestone for the year already over', () => {
      const { request } = assignmentDefaults(plan, rowOf(plan, 'A-15'), '2024-05-01');
      expect(request.milestones.map((m) => m.milestoneId)).toEqual(['y2024', 'y2025']);
    });

    it('leaves generic wording (A-15 相关职责部门) and self-cooperation (C-6) out, saying which names and why', () => {
      const a15 = assignmentDefaults(plan, rowOf(plan, 'A-15'), '2023-03-01');
      expect(a15.request.cooperating).toEqual([]);
      expect(a15.notAssigned).toEqual([
        { name: '相关职责部门', role: 'cooperating', code: 'generic', reason: '泛指，需由无废办指定具体部门' },
      ]);
      const c6 = assignmentDefaults(plan, rowOf(plan, 'C-6'), '2023-03-01');
      expect(c6.request).toMatchObject({ lead: ['区供销总社'], cooperating: [] });
      expect(c6.notAssigned).toEqual([
        { name: '区供销总社', role: 'cooperating', code: 'self_cooperation', reason: '配合单位与牵头单位相同' },
      ]);
    });

    it('gives B-1 its two leads, an ongoing task no due date and quarterly reports', () => {
      expect(assignmentDefaults(plan, rowOf(plan, 'B-1'), '2023-03-01').request.lead).toHaveLength(2);
      const ongoing = plan.tasks.find((t) => t.window === '持续开展')!;
      expect(assignmentDefaults(plan, ongoing, '2023-03-01').request).toMatchObject({
        dueDate: null,
        milestones: [],
        reporting: 'quarterly',
        facts: { ongoing: true },
      });
    });

    it('counts the 签收 deadline in working days of the Chinese calendar (holidays, 调休)', () => {
      expect(acknowledgementDeadline(plan, '2024-09-27')).toBe('2024-10-08'); // 国庆: 9-29 is a make-up workday
      expect(acknowledgementDeadline(plan, '2023-03-01')).toBe('2023-03-06');
    });
  });

  describe('given the second district (only a final milestone, 签收 in 5 working days, half-yearly reports)', () => {
    it('a 2023-2026 window gets a single milestone at its end, titled from the plan file', () => {
      const { request } = assignmentDefaults(second, rowOf(second, 'A-4'), '2023-07-03');
      expect(request.milestones).toEqual([
        { milestoneId: 'y2026', title: '2026年：全部完成', dueDate: '2026-12-31', owner: '青岚生态环境局' },
      ]);
      expect(request.acknowledgeBy).toBe('2023-07-10');
    });

    it('a one-year window’s only milestone takes the `only` title', () => {
      expect(assignmentDefaults(second, rowOf(second, 'A-1'), '2023-02-01').request.milestones).toEqual([
        { milestoneId: 'y2023', title: '完成任务', dueDate: '2023-12-31', owner: '无废办' },
      ]);
    });

    it('reports an external unit (B-1), self-cooperation (B-2) and an alias written beside its department (C-2)', () => {
      expect(assignmentDefaults(second, rowOf(second, 'B-1'), '2023-02-01').notAssigned).toEqual([
        expect.objectContaining({ name: '青岚港务公司', role: 'cooperating', code: 'external' }),
      ]);
      const b2 = assignmentDefaults(second, rowOf(second, 'B-2'), '2023-02-01');
      expect(b2.request).toMatchObject({ cooperating: [], reporting: 'half-yearly', milestones: [] });
      expect(b2.notAssigned.map((n) => n.code)).toEqual(['self_cooperation']);
      const c2 = assignmentDefaults(second, rowOf(second, 'C-2'), '2023-02-01');
      expect(c2.request.cooperating).toEqual(['区城管局']);
      expect(c2.notAssigned).toEqual([
        { name: '城管局', role: 'cooperating', code: 'duplicate', reason: '与“区城管局”为同一部门，已合并' },
      ]);
    });

    it('an unknown name in the row is reported, not guessed', () => {
      const row = { ...rowOf(second, 'A-2'), cooperating: ['区住建局', '区海事局'] };
      const { request, notAssigned } = assignmentDefaults(second, row, '2023-02-01');
      expect(request.cooperating).toEqual(['区住建局']);
      expect(notAssigned).toEqual([expect.objectContaining({ name: '区海事局', code: 'unknown' })]);
    });
  });
});
