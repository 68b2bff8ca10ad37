import type { SchemaObject } from '@nestjs/swagger';
import { EXTERNAL_CATEGORIES, INDICATOR_CLASSES, SYSTEM_NAMES } from '@zw/plan';
import { bool, dictionary, int, list, nullable, num, object, oneOf, open, ref, revision, str } from './kit';

/**
 * A plan's answers: its import, overview, validation report and lists. A list's rows are the plan
 * file's rows as libs/plan plan.schema.ts checks them (sourceLine and remark may be absent).
 */
const names = (description: string) => list(str(), description);
const sourceLine = int('计划原文中的行号');
/** A unit cell of the plan (libs/plan unit-list.ts): the names read from it, the cell verbatim, open or not. */
const unitCell = (listed: string, raw: string, openEnded: string, label: string) => ({
  [listed]: names(`${label}（从原文拆分出的单位）`),
  [raw]: str(`${label}（计划原文）`),
  [openEnded]: bool(`${label}是否为开放列表（如“……等”，未列尽）`),
});

const PlanDepartment = object(
  {
    no: int('序号（责任清单）'),
    name: str('单位名称（规范名称）'),
    aliases: names('计划中的其他写法'),
    duties: list(object({ no: int('序号'), text: str('职责') }), '职责'),
    sourceLine,
    canonical: { type: 'boolean', enum: [true], description: '总是 true：名称为规范名称，别名只作输入' },
  },
  ['sourceLine'],
);

const PlanTaskRow = object(
  {
    code: str('任务编号'),
    system: oneOf(SYSTEM_NAMES, '体系'),
    area: str('领域'),
    text: str('任务内容'),
    ...unitCell('lead', 'leadRaw', 'leadOpenEnded', '牵头单位'),
    ...unitCell('cooperating', 'cooperatingRaw', 'cooperatingOpenEnded', '配合单位'),
    window: str('时间（计划原文，如 2024、2023-2025、持续开展）'),
    sourceLine,
  },
  ['sourceLine'],
);

const PlanIndicator = object(
  {
    no: int('序号（附件2）'),
    level1: str('一级指标'),
    level2: str('二级指标'),
    level3: str('三级指标'),
    class: oneOf(INDICATOR_CLASSES, '指标类别（★ ☆ ※ ▲）'),
    cityTarget2025: str('市 2025 年目标'),
    baseline2022: str('2022 年现状'),
    districtTarget2025: str('区 2025 年目标'),
    ...unitCell('dataSourceUnits', 'dataSource', 'dataSourceOpenEnded', '数据来源'),
    ...unitCell('responsible', 'responsibleRaw', 'responsibleOpenEnded', '责任单位'),
    sourceLine,
  },
  ['sourceLine'],
);

const PlanProject = object(
  {
    no: int('序号（附件4）'),
    name: str('项目名称'),
    entity: str('实施主体'),
    content: str('建设内容'),
    investment: num('总投资（万元，仅供显示）'),
    investmentRaw: str('总投资（万元，计划原文）'),
    period: str('建设期限'),
    remark: str('备注'),
    sourceLine,
  },
  ['remark', 'sourceLine'],
);

export const PLAN_SCHEMAS: Record<string, SchemaObject> = {
  PlanImportResult: object(
    {
      planId: str('计划编号'),
      planVersion: str('计划文件版本'),
      appended: int('本次记录的事件数（0：计划未变）'),
      listed: int('新列入的条目数'),
      revised: int('修订的条目数'),
      withdrawn: int('撤出的条目数'),
      revision: nullable(revision('计划版本')),
      position: nullable(revision('全局位置')),
      report: ref('PlanValidationReport'),
      dryRun: bool('只校验（dryRun=true）：计数为导入将产生的，未记录任何事件'),
    },
    ['planVersion', 'listed', 'revised', 'withdrawn', 'position', 'report', 'dryRun'],
  ),
  PlanOverview: open('计划文件的概况（计划文件原样的字段），及各清单的条目数与版本', {
    id: str('计划编号'),
    counts: dictionary(int(), '各清单条目数'),
    revision: revision('计划版本（ETag）'),
  }),
  // libs/plan validation-report.ts: every report recorded since the first import has these fields.
  PlanValidationReport: open(
    '计划校验报告：计数、投资合计与结构检查',
    {
      planId: str('计划编号'),
      planVersion: str('计划文件版本'),
      ok: bool('是否无错误'),
      counts: list(open('一项计数：正文所称与清单实列')),
      findings: list(
        open(
          '一项发现',
          {
            severity: oneOf(['error', 'warning', 'info'], '错误 / 警告 / 提示'),
            code: str('发现代码'),
            message: str('说明（中文）'),
            details: open('细节：所在位置 locations / location、文件中的路径 path 等'),
          },
          ['severity', 'code', 'message', 'details'],
        ),
      ),
      summary: object({ error: int(), warning: int(), info: int() }),
    },
    ['planId', 'planVersion', 'ok', 'counts', 'findings', 'summary'],
  ),
  PlanDepartment,
  PlanExternalUnit: object({
    name: str('单位名称'),
    category: oneOf(EXTERNAL_CATEGORIES, '类别：government / enterprise / other'),
    reason: str('不列入责任单位的原因'),
  }),
  PlanGenericEntry: object({ text: str('泛指的写法（如 相关职责部门）'), reason: str('不作为单位的原因') }),
  PlanTaskRow,
  PlanIndicator,
  PlanProject,
  // One list a request: every row is of the list the path names.
  PlanList: {
    description: '计划的一个清单：各行为该清单的条目（字段取自计划文件）',
    anyOf: [
      list(ref('PlanDepartment'), 'departments：责任单位'),
      list(ref('PlanExternalUnit'), 'externalUnits：外部单位'),
      list(ref('PlanGenericEntry'), 'genericEntries：泛指的写法'),
      list(ref('PlanTaskRow'), 'tasks：任务清单（附件3）'),
      list(ref('PlanIndicator'), 'indicators：目标清单（附件2）'),
      list(ref('PlanProject'), 'projects：项目清单'),
    ],
  },
};
