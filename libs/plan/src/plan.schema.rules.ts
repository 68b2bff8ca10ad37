import { toHundredths } from './money';
import { EXTERNAL_CATEGORIES, INDICATOR_CLASSES, SYSTEM_NAMES } from './plan.vocabulary';
import * as is from './schema.primitives';
import { parseUnitList } from './unit-list';

type Errors = is.Errors;
const TASK_CODE = /^([A-Z])-(\d+)$/;

/** The stored list must be what parseUnitList makes of the stored cell text, so both never drift. */
function unitCell(errors: Errors, path: string, o: is.Json, listKey: string, rawKey: string, openKey: string): void {
  const raw = o[rawKey];
  const okRaw = is.text(errors, `${path}.${rawKey}`, raw);
  const okList = is.textArray(errors, `${path}.${listKey}`, o[listKey]);
  const okOpen = is.boolean(errors, `${path}.${openKey}`, o[openKey]);
  if (!okRaw || !okList || !okOpen) return;
  const parsed = parseUnitList(raw);
  if (!is.sameList(parsed.names, o[listKey] as string[])) {
    is.fail(errors, `${path}.${listKey}`, `与原文“${raw}”拆分结果（${parsed.names.join('、') || '无'}）不一致`);
  }
  if (parsed.openEnded !== o[openKey]) {
    is.fail(errors, `${path}.${openKey}`, `原文“${raw}”${parsed.openEnded ? '是' : '不是'}开放列表`);
  }
}

export function checkSystem(errors: Errors, item: unknown, path: string): void {
  if (!is.object(errors, path, item)) return;
  if (typeof item['code'] !== 'string' || !/^[A-Z]$/.test(item['code'])) {
    is.fail(errors, `${path}.code`, '应为一个大写字母');
  }
  is.oneOf(errors, `${path}.name`, item['name'], SYSTEM_NAMES);
  is.text(errors, `${path}.heading`, item['heading']);
}

export function checkDepartment(errors: Errors, item: unknown, path: string): void {
  if (!is.object(errors, path, item)) return;
  is.integer(errors, `${path}.no`, item['no']);
  is.text(errors, `${path}.name`, item['name']);
  is.textArray(errors, `${path}.aliases`, item['aliases']);
  is.optionalInteger(errors, `${path}.sourceLine`, item['sourceLine']);
  is.array(errors, `${path}.duties`, item['duties'], (duty, dutyPath) => {
    if (!is.object(errors, dutyPath, duty)) return;
    is.integer(errors, `${dutyPath}.no`, duty['no']);
    is.text(errors, `${dutyPath}.text`, duty['text']);
  });
}

export function checkExternalUnit(errors: Errors, item: unknown, path: string): void {
  if (!is.object(errors, path, item)) return;
  is.text(errors, `${path}.name`, item['name']);
  is.oneOf(errors, `${path}.category`, item['category'], EXTERNAL_CATEGORIES);
  is.text(errors, `${path}.reason`, item['reason']);
}

export function checkGenericEntry(errors: Errors, item: unknown, path: string): void {
  if (!is.object(errors, path, item)) return;
  is.text(errors, `${path}.text`, item['text']);
  is.text(errors, `${path}.reason`, item['reason']);
}

export function checkTask(
  errors: Errors,
  item: unknown,
  path: string,
  systems: readonly { code: string; name: string }[],
): void {
  if (!is.object(errors, path, item)) return;
  const okSystem = is.oneOf(errors, `${path}.system`, item['system'], SYSTEM_NAMES);
  if (is.text(errors, `${path}.code`, item['code'])) {
    const match = TASK_CODE.exec(item['code']);
    const letter = systems.find((s) => s.name === item['system'])?.code;
    if (!match) is.fail(errors, `${path}.code`, '任务编号应形如 A-1');
    else if (okSystem && letter !== match[1]) {
      is.fail(errors, `${path}.code`, `编号字母与所属体系“${String(item['system'])}”（${letter ?? '未定义'}）不符`);
    }
  }
  is.text(errors, `${path}.area`, item['area']);
  is.text(errors, `${path}.text`, item['text']);
  unitCell(errors, path, item, 'lead', 'leadRaw', 'leadOpenEnded');
  if (Array.isArray(item['lead']) && item['lead'].length === 0) is.fail(errors, `${path}.lead`, '缺少牵头单位');
  unitCell(errors, path, item, 'cooperating', 'cooperatingRaw', 'cooperatingOpenEnded');
  is.text(errors, `${path}.window`, item['window']);
  is.optionalInteger(errors, `${path}.sourceLine`, item['sourceLine']);
}

export function checkIndicator(errors: Errors, item: unknown, path: string): void {
  if (!is.object(errors, path, item)) return;
  is.integer(errors, `${path}.no`, item['no']);
  for (const key of ['level1', 'level2', 'level3', 'cityTarget2025', 'baseline2022', 'districtTarget2025']) {
    is.text(errors, `${path}.${key}`, item[key]);
  }
  is.oneOf(errors, `${path}.class`, item['class'], INDICATOR_CLASSES);
  unitCell(errors, path, item, 'dataSourceUnits', 'dataSource', 'dataSourceOpenEnded');
  unitCell(errors, path, item, 'responsible', 'responsibleRaw', 'responsibleOpenEnded');
  is.optionalInteger(errors, `${path}.sourceLine`, item['sourceLine']);
}

/** 1万亿元: no plan's project, nor all of them together, comes near it (the bundled one: 70.59亿元). */
export const MAX_PLAN_AMOUNT_WAN_YUAN = 100_000_000;

/** The number is a convenience copy of the written amount; it must say the same thing. */
function amount(errors: Errors, path: string, o: is.Json, numberKey: string, rawKey: string): void {
  const raw = o[rawKey];
  const okNumber = is.finiteNumber(errors, `${path}.${numberKey}`, o[numberKey]);
  if (!is.text(errors, `${path}.${rawKey}`, raw)) return;
  const hundredths = toHundredths(raw);
  if (hundredths === null) is.fail(errors, `${path}.${rawKey}`, `“${raw}”不是至多两位小数的金额`);
  else if (hundredths > MAX_PLAN_AMOUNT_WAN_YUAN * 100)
    is.fail(errors, `${path}.${rawKey}`, `金额超过上限（至多 ${MAX_PLAN_AMOUNT_WAN_YUAN} 万元）`);
  else if (okNumber && toHundredths((o[numberKey] as number).toFixed(2)) !== hundredths) {
    is.fail(errors, `${path}.${numberKey}`, `与原文金额“${raw}”不一致`);
  }
}

export function checkProject(errors: Errors, item: unknown, path: string): void {
  if (!is.object(errors, path, item)) return;
  is.integer(errors, `${path}.no`, item['no']);
  for (const key of ['name', 'entity', 'content', 'period']) is.text(errors, `${path}.${key}`, item[key]);
  amount(errors, path, item, 'investment', 'investmentRaw');
  is.optionalText(errors, `${path}.remark`, item['remark']);
  is.optionalInteger(errors, `${path}.sourceLine`, item['sourceLine']);
}

function source(errors: Errors, path: string, value: unknown): void {
  if (!is.object(errors, path, value)) return;
  is.text(errors, `${path}.section`, value['section']);
  is.integer(errors, `${path}.line`, value['line']);
  is.text(errors, `${path}.quote`, value['quote']);
}

function countMap(errors: Errors, path: string, value: unknown, keys: readonly string[]): void {
  if (!is.object(errors, path, value)) return;
  for (const [key, count] of Object.entries(value)) {
    if (!keys.includes(key)) is.fail(errors, `${path}.${key}`, `未知分组，应为 ${keys.join(' / ')} 之一`);
    else is.integer(errors, `${path}.${key}`, count);
  }
}

export function checkStatedCounts(errors: Errors, value: unknown, path: string): void {
  if (!is.object(errors, path, value)) return;
  const { tasks, indicators, departments, projects } = value;
  if (is.object(errors, `${path}.tasks`, tasks)) {
    is.integer(errors, `${path}.tasks.total`, tasks['total']);
    countMap(errors, `${path}.tasks.bySystem`, tasks['bySystem'], SYSTEM_NAMES);
    source(errors, `${path}.tasks.source`, tasks['source']);
  }
  if (is.object(errors, `${path}.indicators`, indicators)) {
    is.integer(errors, `${path}.indicators.total`, indicators['total']);
    is.optionalInteger(errors, `${path}.indicators.level1`, indicators['level1']);
    is.optionalInteger(errors, `${path}.indicators.level2`, indicators['level2']);
    countMap(errors, `${path}.indicators.byClass`, indicators['byClass'], INDICATOR_CLASSES);
    source(errors, `${path}.indicators.source`, indicators['source']);
  }
  if (is.object(errors, `${path}.departments`, departments)) {
    is.integer(errors, `${path}.departments.total`, departments['total']);
    source(errors, `${path}.departments.source`, departments['source']);
  }
  if (is.object(errors, `${path}.projects`, projects)) {
    is.integer(errors, `${path}.projects.total`, projects['total']);
    amount(errors, `${path}.projects`, projects, 'totalInvestment', 'totalInvestmentRaw');
    is.text(errors, `${path}.projects.unit`, projects['unit']);
    source(errors, `${path}.projects.source`, projects['source']);
  }
}
