import type { SchemaObject } from '@nestjs/swagger';
import { ACKNOWLEDGEMENT_LABELS, ORGANISATION_KIND_LABELS, STATUS_LABELS } from '@zw/domain';
import { bool, date, instant, int, list, nullable, num, object, oneOf, ref, str } from './kit';

/** The board (台账) of one plan and the city overview across districts. */
const colour = oneOf(['red', 'yellow', 'green'], '红 red / 黄 yellow / 绿 green');

const BoardItem = object({
  code: str('任务编号'),
  title: str('任务名称'),
  system: str('体系'),
  area: str('领域'),
  window: str('时间'),
  status: oneOf(Object.keys(STATUS_LABELS), '任务状态'),
  statusLabel: str('任务状态（中文）'),
  dueDate: nullable(date('完成期限')),
  daysLeft: nullable(int('距期限天数（负数为逾期）')),
  light: object({
    colour: nullable(colour),
    label: str('红黄绿灯（中文；未交办、已撤销无灯）'),
    reasons: list(
      object({
        rule: str('规则'),
        text: str('原因（中文）'),
        events: list(
          object({ revision: int('事件序号'), type: str('事件类型'), at: instant('时间') }),
          '据以判断的事件',
        ),
      }),
      '亮灯原因',
    ),
  }),
  departments: list(
    object({
      name: str('单位'),
      role: oneOf(['lead', 'cooperating']),
      roleLabel: str('牵头 / 配合'),
      acknowledgeBy: nullable(date('签收期限')),
      acknowledgedAt: nullable(instant('签收时间')),
      acknowledgement: oneOf(Object.keys(ACKNOWLEDGEMENT_LABELS), '签收情况'),
      acknowledgementLabel: str('签收情况（中文）'),
    }),
  ),
  milestones: list(
    object({
      milestoneId: str('里程碑编号'),
      title: str('名称'),
      owner: str('责任单位'),
      dueDate: date('期限'),
      done: bool('是否完成'),
      statusLabel: str('完成情况（中文）'),
      completedAt: nullable(instant('完成时间')),
      late: { type: 'boolean', nullable: true, description: '是否逾期完成；未完成为 null' },
    }),
  ),
  progress: nullable(object({ actual: num('报送的进度（%）'), expected: nullable(num('按时间应达的进度（%）')) })),
  currentResponsible: list(ref('TaskMove'), '当前责任方'),
  revision: nullable(int('任务版本；未交办为 null')),
});

const overdue = {
  acknowledgements: int('逾期未签收'),
  milestones: int('逾期里程碑'),
  tasks: int('逾期任务'),
  reports: int('逾期未报送进展'),
  items: int('合计'),
};
const district = { organisationId: str('区的组织编号'), name: str('区') };
const tally = ['total', 'assigned', 'accepted', 'open', 'red', 'yellow', 'green'];

const CityOverview = object({
  organisation: object({ id: str('组织编号'), name: str('名称'), kind: oneOf(Object.keys(ORGANISATION_KIND_LABELS)) }),
  asOf: date('视图所示日期（上海时间）'),
  asOfRequested: nullable(date('请求的 asOf')),
  districts: list(
    object({
      ...district,
      planId: str('计划编号'),
      planTitle: str('计划名称'),
      tasks: object({ ...Object.fromEntries(tally.map((k) => [k, int()])), completionRate: num('办结率（0-1）') }),
      overdue: object(overdue),
      rank: int('名次'),
    }),
    '各区：任务红黄绿灯、逾期、名次',
  ),
  overdueByDistrict: list(object({ ...district, ...overdue }), '按区的逾期事项'),
  departmentKindRule: str('单位类别的归并规则'),
  overdueByDepartmentKind: list(
    object({
      kind: str('单位类别，如 生态环境局'),
      overdueItems: int('逾期事项合计'),
      districts: list(object({ ...district, department: str('单位'), ...overdue })),
    }),
    '按单位类别的逾期事项',
  ),
  indicators: list(
    object({
      name: str('指标'),
      units: list(str(), '各区所用单位'),
      districts: list(
        object({
          ...district,
          indicatorId: str('该区的指标序号'),
          target: str('该区目标（计划原文）'),
          latest: nullable(object({ period: str('期次'), value: ref('ReportedValue') })),
          progressPercent: nullable(num('进度（%）')),
          met: { type: 'boolean', nullable: true, description: '是否达标；未知为 null' },
          light: oneOf(['green', 'yellow', 'red', 'none']),
          lightLabel: str('红黄绿灯（中文）'),
        }),
      ),
    }),
    '同一指标各区并列',
  ),
  ranking: object({
    rule: str('排名规则'),
    districts: list(
      object({
        rank: int('名次'),
        ...district,
        redShare: nullable(num('红灯任务占已交办任务的比例')),
        overduePerTask: nullable(num('平均每项已交办任务的逾期事项')),
        completionRate: num('办结率'),
      }),
    ),
  }),
});

export const BOARD_SCHEMAS: Record<string, SchemaObject> = {
  Board: object({
    planId: str('计划编号'),
    asOf: date('视图所示日期（上海时间）'),
    rules: object({ dueSoonDays: int('临期天数'), progressTolerance: num('进度容差（百分点）') }),
    tasks: list(ref('BoardItem'), '台账行'),
  }),
  BoardItem,
  Organisation: object(
    {
      id: str('组织编号'),
      name: str('名称'),
      kind: oneOf(Object.keys(ORGANISATION_KIND_LABELS), '层级'),
      kindLabel: str('层级（中文）'),
      parentId: nullable(str('上级组织编号')),
      plans: list(str(), '归属本组织的计划（按归入顺序）'),
    },
    ['kindLabel'],
  ),
  OrganisationList: list(ref('Organisation')),
  CityOverview,
};
