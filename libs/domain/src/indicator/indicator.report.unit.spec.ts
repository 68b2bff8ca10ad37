import type { IndicatorCommand } from './indicator.commands';
import {
  confirmed,
  dept,
  ECO,
  EVIDENCE,
  givenFor,
  metaOf,
  NOW,
  office,
  reported,
  SUPPLY,
  URBAN,
} from './testing/indicator.fixtures';

const hazardous = givenFor(14); // 工业危险废物综合利用率 4.6% → 9%, the ecology bureau (ECO)
const daily = givenFor(9); // 生活垃圾清运量: 日产日清, 区城管局
const report = (
  data: Partial<Extract<IndicatorCommand, { type: 'ReportIndicator' }>['data']>,
  department = ECO,
  now = NOW,
): IndicatorCommand => ({
  type: 'ReportIndicator',
  data: { period: '2023', value: 6.5, unit: '%', source: '区环境统计年报', evidence: EVIDENCE, ...data },
  metadata: dept(department, now),
});
const confirm = (reportId: string, metadata = office()): IndicatorCommand => ({
  type: 'ConfirmIndicatorReport',
  data: { reportId },
  metadata,
});
const reject = (reportId: string, reason = '数据口径与统计年报不一致'): IndicatorCommand => ({
  type: 'RejectIndicatorReport',
  data: { reportId, reason },
  metadata: office(),
});
const v = (value: number) => ({ kind: 'number' as const, value, unit: '%' });

describe('reporting an indicator value (指标报送)', () => {
  it('given nothing, when the ecology bureau reports 6.5% for 2023, then IndicatorReported r1 in the indicator unit', () => {
    const state = hazardous()
      .when(report({}))
      .then([reported('r1', '2023', ECO, v(6.5))]);
    expect(state.reports.get('r1')?.status).toBe('pending');
  });

  it('the office confirms (确认) or rejects (退回) a pending report with a reason', () => {
    const state = hazardous([reported('r1', '2023', ECO, v(6.5))])
      .when(confirm('r1'))
      .then([confirmed('r1', '2023')]);
    expect(state.reports.get('r1')?.status).toBe('confirmed');
    hazardous([reported('r1', '2023', ECO, v(6.5))])
      .when(reject('r1'))
      .then([
        {
          type: 'IndicatorReportRejected',
          data: { reportId: 'r1', period: '2023', reason: '数据口径与统计年报不一致', rejectedAt: NOW },
        },
      ]);
    hazardous([reported('r1', '2023', ECO, v(6.5))])
      .when(reject('r1', ' '))
      .thenThrows('INDICATOR.REASON_REQUIRED', 'invalid');
  });

  it('a correction is a new report naming the one it corrects; the corrected one can no longer be confirmed', () => {
    const given = [reported('r1', '2023', ECO, v(6.5)), confirmed('r1', '2023')];
    const state = hazardous(given)
      .when(report({ value: 6.8 }))
      .then([reported('r2', '2023', ECO, v(6.8), 'r1')]);
    expect(state.reports.get('r1')).toMatchObject({ status: 'confirmed', supersededBy: 'r2' });
    const twice = [reported('r1', '2023', ECO, v(6.5)), reported('r2', '2023', ECO, v(6.8), 'r1')];
    hazardous(twice).when(confirm('r1')).thenThrows('INDICATOR.REPORT_SUPERSEDED', 'conflict');
    hazardous([...twice, confirmed('r2', '2023')])
      .when(confirm('r2'))
      .thenThrows('INDICATOR.REPORT_ALREADY_REVIEWED', 'conflict');
    hazardous(twice).when(confirm('r9')).thenThrows('INDICATOR.REPORT_NOT_FOUND', 'not_found');
  });

  it('a rejected report is not corrected: the next report of the period stands alone', () => {
    const given = [
      reported('r1', '2023', ECO, v(6.5)),
      {
        type: 'IndicatorReportRejected' as const,
        data: { reportId: 'r1', period: '2023', reason: '口径', rejectedAt: NOW },
      },
    ];
    hazardous(given)
      .when(report({ value: 6.1 }))
      .then([reported('r2', '2023', ECO, v(6.1))]);
  });

  it('only a responsible department reports; only the office reviews (403)', () => {
    const refused = hazardous().when(report({}, URBAN)).thenThrows('INDICATOR.NOT_RESPONSIBLE', 'forbidden');
    // Who is responsible is for the log: the caller learns only that it is not.
    expect(refused.details).toEqual({ department: URBAN });
    expect(refused.internal).toEqual({ responsible: [ECO] });
    hazardous()
      .when({ ...report({}), metadata: office() })
      .thenThrows('INDICATOR.DEPARTMENT_ONLY', 'forbidden');
    hazardous()
      .when({ ...report({}), metadata: metaOf('leader') })
      .thenThrows('INDICATOR.DEPARTMENT_ONLY', 'forbidden');
    hazardous([reported('r1', '2023', ECO, v(6.5))])
      .when(confirm('r1', dept(ECO)))
      .thenThrows('INDICATOR.OFFICE_ONLY', 'forbidden');
  });

  it('data-source departments report too: 区经发局 is named in 数据来源 of indicator 1 and via alias 经发局 in 责任部门 of 13', () => {
    givenFor(1)()
      .when(report({ value: 100 }, '区经发局'))
      .then([reported('r1', '2023', '区经发局', v(100), null, '1')]);
    givenFor(13)()
      .when(report({ value: 97 }, '区经发局'))
      .then([reported('r1', '2023', '区经发局', v(97), null, '13')]);
  });

  it('an indicator the plan names no department for is reported by whom the office sets (as an event)', () => {
    const survey = givenFor(48); // 公众满意程度: 数据来源 第三方调查, 责任部门 领导小组成员单位
    survey()
      .when(report({ value: 91 }, ECO))
      .thenThrows('INDICATOR.NOT_RESPONSIBLE', 'forbidden');
    const set: IndicatorCommand = {
      type: 'SetIndicatorResponsibility',
      data: { departments: [ECO], reason: '满意度调查由生态环境局委托' },
      metadata: office(),
    };
    const responsibilitySet = {
      type: 'IndicatorResponsibilitySet' as const,
      data: { departments: [ECO], previous: [], reason: '满意度调查由生态环境局委托', setAt: NOW },
    };
    const state = survey().when(set).then([responsibilitySet]);
    expect(state.responsible?.departments).toEqual([ECO]);
    survey([responsibilitySet])
      .when(report({ value: 91 }, ECO))
      .then([reported('r1', '2023', ECO, v(91), null, '48')]);
    survey([responsibilitySet]).when(set).then([]);
    survey()
      .when({ ...set, data: { departments: [ECO, ECO], reason: 'x' } })
      .thenThrows('INDICATOR.INVALID_DEPARTMENTS', 'invalid');
    survey()
      .when({ ...set, metadata: dept(ECO) })
      .thenThrows('INDICATOR.OFFICE_ONLY', 'forbidden');
  });

  it.each([
    ['2022', 'the baseline year'],
    ['2026', 'after the plan'],
    ['2024-Q2', 'a quarter not begun on 2024-03-28'],
    ['2024-H1', 'no such period'],
    ['23', 'not a year'],
  ])('refuses period %s (%s)', (period) => {
    hazardous().when(report({ period })).thenThrows('INDICATOR.INVALID_PERIOD', 'invalid');
  });

  it('numeric values keep the indicator unit; words are met / not met', () => {
    hazardous()
      .when(report({ unit: '吨' }))
      .thenThrows('INDICATOR.UNIT_MISMATCH', 'invalid');
    const missing = hazardous()
      .when(report({ value: undefined, met: true }))
      .thenThrows('INDICATOR.VALUE_REQUIRED', 'invalid');
    // Named as the 报送 form labels them, in Chinese only (no request field names).
    expect(missing.message).toBe('数值型指标须填写“数值”，文字型指标须选择“是否达成”，二者只填其一');
    hazardous()
      .when(report({ value: -1 }))
      .thenThrows('INDICATOR.INVALID_VALUE', 'invalid');
    hazardous()
      .when(report({ value: Number.NaN }))
      .thenThrows('INDICATOR.INVALID_VALUE', 'invalid');
    daily()
      .when(report({ value: 93 }, URBAN))
      .thenThrows('INDICATOR.VALUE_REQUIRED', 'invalid');
    daily()
      .when(report({ value: undefined, unit: undefined, met: true }, URBAN))
      .then([
        {
          ...reported('r1', '2023', URBAN, { kind: 'met', met: true }, null, '9'),
        },
      ]);
  });

  it('a 下降幅度 may be negative (the amount rose); other indicators may not', () => {
    givenFor(28)()
      .when(report({ value: -3, unit: '%' }))
      .then([reported('r1', '2023', ECO, v(-3), null, '28')]);
  });

  it('requires a source and evidence', () => {
    hazardous()
      .when(report({ source: ' ' }))
      .thenThrows('INDICATOR.SOURCE_REQUIRED', 'invalid');
    hazardous()
      .when(report({ evidence: [] }))
      .thenThrows('INDICATOR.EVIDENCE_REQUIRED', 'invalid');
    hazardous()
      .when(report({ evidence: [{ title: '年报' }] }))
      .thenThrows('INDICATOR.INVALID_EVIDENCE', 'invalid');
    hazardous()
      .when(report({ evidence: [{ title: '年报', url: 'javascript:alert(1)' }] }))
      .thenThrows('INDICATOR.INVALID_EVIDENCE', 'invalid');
  });
});

describe('links to tasks (指标 ↔ 任务)', () => {
  const link = (tasks: string[], metadata = office()): IndicatorCommand => ({
    type: 'LinkIndicatorTasks',
    data: { tasks, reason: '调整' },
    metadata,
  });
  const pesticide = givenFor(19); // 农药包装废弃物回收覆盖率: A-9, C-6, D-6 by default

  it('the office replaces the plan default; the same list again records nothing', () => {
    const state = pesticide()
      .when(link(['A-9', 'C-6']))
      .then([
        {
          type: 'IndicatorTasksLinked',
          data: { tasks: ['A-9', 'C-6'], previous: ['A-9', 'C-6', 'D-6'], reason: '调整', linkedAt: NOW },
        },
      ]);
    expect(state.tasks?.list).toEqual(['A-9', 'C-6']);
    pesticide()
      .when(link(['D-6', 'C-6', 'A-9']))
      .then([]);
  });

  it('refuses bad codes, duplicates and departments', () => {
    pesticide()
      .when(link(['A-9', 'A-9']))
      .thenThrows('INDICATOR.INVALID_TASKS', 'invalid');
    pesticide()
      .when(link(['a9']))
      .thenThrows('INDICATOR.INVALID_TASKS', 'invalid');
    pesticide()
      .when(link(['A-9'], dept(SUPPLY)))
      .thenThrows('INDICATOR.OFFICE_ONLY', 'forbidden');
  });
});
