import type { SchemaObject } from '@nestjs/swagger';
import { LIGHT_LABELS, PHASE_LABELS, REPORT_STATUS_LABELS } from '@zw/domain';
import { bool, date, instant, int, list, nullable, num, object, oneOf, ref, revision, str } from './kit';

/** The plan's indicators (附件2) and projects (附件5): lists, one item, and their commands' answer. */
const source = oneOf(['plan', 'office'], '取自计划 plan / 无废办调整 office');
const reportedValue: SchemaObject = {
  oneOf: [
    object({ kind: oneOf(['number']), value: num('数值'), unit: str('单位') }),
    object({ kind: oneOf(['met']), met: bool('是否达成') }),
  ],
};
/** number: 达到 value；range: min 至 max 之间；bound: 比较符 comparator 与 value（如 > 90）。 */
const Target = object(
  {
    kind: oneOf(['number', 'range', 'bound'], '目标形式'),
    value: num('目标值'),
    min: num('下限'),
    max: num('上限'),
    comparator: str('比较符，如 >、≥、<、≤'),
  },
  ['value', 'min', 'max', 'comparator'],
);
const Measure: SchemaObject = {
  oneOf: [
    object({
      kind: oneOf(['numeric']),
      unit: str('单位'),
      direction: oneOf(['higher', 'lower'], '越高越好 / 越低越好'),
      directionRule: str('方向依据的规则'),
      baseline: nullable(num('基准值')),
      target: nullable(Target),
      directionLabel: str('方向（中文）'),
    }),
    object({ kind: oneOf(['qualitative']), label: str('文字型（达成/未达成）') }),
  ],
};

const indicatorRow = {
  indicatorId: str('指标序号'),
  no: int('序号'),
  level1: str('一级指标'),
  level2: str('二级指标'),
  level3: str('三级指标'),
  class: str('类别（★ ▲ ※）'),
  cityTarget2025: str('市级2025年目标（计划原文）'),
  baseline2022: str('2022年基准值（计划原文）'),
  districtTarget2025: str('区级2025年目标（计划原文）'),
  dataSource: str('数据来源（计划原文）'),
  responsibleRaw: str('责任部门（计划原文）'),
  measure: Measure,
  responsible: object({ departments: list(str()), source }),
  tasks: object({ list: list(str(), '关联任务编号'), source }),
  latest: nullable(object({ period: str('期次'), value: ref('ReportedValue'), display: str('如 6.5%、达成') })),
  progressPercent: nullable(num('距目标的进度（%）')),
  met: { type: 'boolean', nullable: true, description: '是否已达目标；未知时为 null' } as SchemaObject,
  expected: nullable(num('按时间进度的应达值')),
  light: oneOf(Object.keys(LIGHT_LABELS), '红黄绿灯（none：无数据或无目标）'),
  lightLabel: str('红黄绿灯（中文）'),
  lightReason: str('亮灯原因'),
};

const Report = object({
  reportId: str('报送编号'),
  period: str('期次'),
  department: str('报送部门'),
  value: ref('ReportedValue'),
  display: str('数值（如 6.5%）'),
  source: str('数据来源'),
  evidence: list(ref('Evidence'), '佐证材料'),
  note: str('说明'),
  corrects: nullable(str('更正的报送编号')),
  supersededBy: nullable(str('被哪次报送更正')),
  status: oneOf(Object.keys(REPORT_STATUS_LABELS), '待确认 / 已确认 / 已退回'),
  statusLabel: str('状态（中文）'),
  reportedAt: instant('报送时间'),
  review: nullable(object({ at: instant('审核时间'), note: str('审核意见') })),
});

const phase = oneOf(Object.keys(PHASE_LABELS), '项目阶段');
const milestone = object({ title: str('节点'), date: date('日期'), done: bool('是否完成') });
const project = {
  projectId: str('项目序号'),
  no: int('序号'),
  name: str('项目名称'),
  entity: str('实施主体'),
  content: str('建设内容'),
  period: str('建设期限'),
  remark: nullable(str('备注')),
  investmentPlanned: str('计划总投资（万元，计划原文）'),
  supervising: object({ departments: list(str(), '主管部门'), source }),
  phase: nullable(phase),
  phaseLabel: str('阶段（中文；未报送）'),
  investmentCompleted: nullable(str('累计完成投资（万元）')),
  investmentPercent: nullable(num('投资完成率（%）')),
  milestones: list(milestone, '最新报送的节点'),
  reports: list(
    object({
      reportId: str('报送编号'),
      department: str('报送部门'),
      phase,
      phaseLabel: str('阶段（中文）'),
      investmentCompleted: num('累计完成投资（万元）'),
      investmentCompletedHundredths: int('同上，以 0.01 万元计'),
      milestones: list(milestone),
      note: str('说明'),
      evidence: list(ref('Evidence'), '佐证材料'),
      reportedAt: instant('报送时间'),
    }),
    '历次进展报送',
  ),
};

export const ITEM_SCHEMAS: Record<string, SchemaObject> = {
  ReportedValue: reportedValue,
  IndicatorRow: object(indicatorRow),
  IndicatorList: object({
    planId: str('计划编号'),
    asOf: date('所示日期'),
    lights: object({ green: int(), yellow: int(), red: int(), none: int() }),
    indicators: list(ref('IndicatorRow')),
  }),
  IndicatorView: object({
    ...indicatorRow,
    otherUnits: list(str(), '计划点名但不能登录的单位（外部单位、泛称）'),
    settingsNote: nullable(str('计划设置的说明')),
    deadlines: list(object({ period: str('期次'), dueDate: date('报送期限') })),
    periods: list(object({ period: str('期次'), confirmed: nullable(Report), reports: list(Report) })),
    revision: nullable(revision('指标版本（ETag）；从未记录时为 null')),
  }),
  ProjectView: object({ ...project, revision: nullable(revision('项目版本（ETag）；从未记录时为 null')) }),
  ProjectList: object({
    planId: str('计划编号'),
    asOf: date('所示日期'),
    investment: object({
      planned: str('计划总投资（万元，各项目合计）'),
      completed: str('累计完成投资（万元）'),
      percent: nullable(num('投资完成率（%）；计划投资为 0 时为 null')),
      reportedProjects: int('已报送进展的项目数'),
      statedTotal: str('计划正文所称总投资（万元）'),
      unit: oneOf(['万元']),
    }),
    projects: list(object(project)),
  }),
};
