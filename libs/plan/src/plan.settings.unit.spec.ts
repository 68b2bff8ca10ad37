import { loadPlan, PlanSchemaError } from './load-plan';
import { validatePlanSchema } from './plan.schema';
import { bundledPlan, secondDistrictPlan } from './testing/fixture-plans';
import { validatePlan } from './validation-report';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const errorsOf = (mutate: (json: Json) => void) => {
  const json = structuredClone(bundledPlan()) as unknown as Json;
  mutate(json);
  const result = validatePlanSchema(json);
  return result.ok ? [] : result.errors.map((e) => `${e.path} ${e.message}`);
};

describe('plan settings in the plan file', () => {
  it('given the bundled plan, its own values: 签收 in 3 working days, yearly milestones, quarterly reports, 12 indicator settings', () => {
    const { settings } = bundledPlan();
    expect(settings).toMatchObject({
      organisation: { name: '连云区', kind: 'district' },
      acknowledgeWorkingDays: 3,
      milestones: { cadence: 'yearly', skipPastYears: true },
      ongoingReporting: 'quarterly',
    });
    expect(settings.indicators.map((s) => s.no)).toEqual([5, 7, 8, 10, 19, 20, 21, 27, 30, 34, 35, 49]);
    expect(settings.indicators.find((s) => s.no === 35)).toMatchObject({ target: '15个' });
  });

  it('given the invented second district, other values, and a plan that passes the schema', () => {
    expect(secondDistrictPlan().settings).toMatchObject({
      organisation: { name: '青岚区' },
      acknowledgeWorkingDays: 5,
      milestones: { cadence: 'final' },
      ongoingReporting: 'half-yearly',
    });
  });

  it.each<[string, (json: Json) => void, string]>([
    ['no settings', (j) => delete j.settings, 'settings 应为对象'],
    [
      '签收 in 0 days',
      (j) => (j.settings.acknowledgeWorkingDays = 0),
      'settings.acknowledgeWorkingDays 应为 1 至 30 个工作日',
    ],
    ['签收 in 2.5 days', (j) => (j.settings.acknowledgeWorkingDays = 2.5), 'settings.acknowledgeWorkingDays 应为整数'],
    [
      'an unknown milestone cadence',
      (j) => (j.settings.milestones.cadence = 'monthly'),
      'settings.milestones.cadence 取值应为 yearly / final 之一',
    ],
    ['an empty title', (j) => (j.settings.milestones.titles.final = ' '), 'settings.milestones.titles.final 不能为空'],
    [
      'an unknown reporting cadence',
      (j) => (j.settings.ongoingReporting = 'weekly'),
      'settings.ongoingReporting 取值应为 monthly / quarterly / half-yearly / yearly 之一',
    ],
    [
      'an indicator the plan does not have',
      (j) => (j.settings.indicators[0].no = 99),
      'settings.indicators[0].no 计划指标表中没有序号为 99 的指标',
    ],
    [
      'one indicator set twice',
      (j) => (j.settings.indicators[1].no = j.settings.indicators[0].no),
      'settings.indicators[1].no 序号 5 的指标重复设置',
    ],
    [
      'a direction other than lower/higher',
      (j) => (j.settings.indicators[0].direction = 'up'),
      'settings.indicators[0].direction 取值应为 lower / higher 之一',
    ],
    [
      'a setting without its reason',
      (j) => delete j.settings.indicators[0].reason,
      'settings.indicators[0].reason 应为字符串',
    ],
    ['an organisation of no known level', (j) => (j.settings.organisation.kind = 'town'), 'settings.organisation.kind'],
    ['another time zone', (j) => (j.timeZone = 'Asia/Urumqi'), 'timeZone 应为 Asia/Shanghai'],
  ])('given %s, the schema names the field in Chinese', (_, mutate, expected) => {
    expect(errorsOf(mutate).join('\n')).toContain(expected);
  });

  it('given a default task link to a code the task list lacks, a warning (the link is not made), not a schema error', () => {
    const plan = bundledPlan();
    const changed = loadPlan({ ...plan, tasks: plan.tasks.filter((t) => t.code !== 'B-3') });
    const findings = validatePlan(changed).findings.filter((f) => f.code === 'SETTING_UNKNOWN_TASK');
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', details: expect.objectContaining({ indicator: 5, code: 'B-3' }) }),
    ]);
    expect(() => loadPlan({ ...plan, settings: undefined })).toThrow(PlanSchemaError);
  });
});
