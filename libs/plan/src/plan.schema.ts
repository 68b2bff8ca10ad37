/**
 * Shape of a district's Zero-Waste City plan file (libs/plan/data/*.json). Nothing here is
 * specific to 连云区: another district's plan is another file of the same shape.
 * Text fields hold the plan's words verbatim; parsed fields sit beside the raw text they came from.
 */
import { SCHEMA_VERSION, type ExternalCategory, type IndicatorClass, type SystemName } from './plan.vocabulary';
import { PLAN_TIME_ZONE } from '@zw/clock';
import * as rule from './plan.schema.rules';
import { checkSettings, type PlanSettings } from './plan.settings';
import * as is from './schema.primitives';

const MIN_PLAN_YEAR = 2000;
const MAX_PLAN_YEAR = 2100;

/** Where the plan's prose states a number, so a reader can check the claim against the text. */
export interface SourceRef {
  readonly section: string;
  readonly line: number;
  readonly quote: string;
}

export interface PlanSystem {
  /** Letter that prefixes the task codes of this system ("A" → A-1 …). */
  readonly code: string;
  readonly name: SystemName;
  readonly heading: string;
}

export interface Duty {
  readonly no: number;
  readonly text: string;
}

export interface Department {
  readonly no: number;
  /** Canonical name: as the 责任清单 (附件4) heads the unit. */
  readonly name: string;
  /** Other spellings the plan uses for the same unit elsewhere. */
  readonly aliases: readonly string[];
  readonly duties: readonly Duty[];
  readonly sourceLine?: number;
}

/** A unit the plan names outside the 责任清单; kept apart so it is never merged into a department. */
export interface ExternalUnit {
  readonly name: string;
  readonly category: ExternalCategory;
  readonly reason: string;
}

/** Wording that stands for "whoever is concerned" rather than a unit ("相关职责部门"). */
export interface GenericEntry {
  readonly text: string;
  readonly reason: string;
}

export interface PlanTask {
  readonly code: string;
  readonly system: SystemName;
  readonly area: string;
  readonly text: string;
  readonly lead: readonly string[];
  readonly leadRaw: string;
  readonly leadOpenEnded: boolean;
  readonly cooperating: readonly string[];
  readonly cooperatingRaw: string;
  readonly cooperatingOpenEnded: boolean;
  /** The 时间 column verbatim ("2023", "2023-2025", "持续开展"); see time-window.ts. */
  readonly window: string;
  readonly sourceLine?: number;
}

export interface Indicator {
  readonly no: number;
  readonly level1: string;
  readonly level2: string;
  /** Name of the 三级指标 without its trailing class mark. */
  readonly level3: string;
  readonly class: IndicatorClass;
  readonly cityTarget2025: string;
  readonly baseline2022: string;
  readonly districtTarget2025: string;
  readonly dataSource: string;
  readonly dataSourceUnits: readonly string[];
  readonly dataSourceOpenEnded: boolean;
  readonly responsible: readonly string[];
  readonly responsibleRaw: string;
  readonly responsibleOpenEnded: boolean;
  readonly sourceLine?: number;
}

export interface Project {
  readonly no: number;
  readonly name: string;
  readonly entity: string;
  readonly content: string;
  /** 万元; for display only. Sums go through investmentRaw (money.ts) to stay exact. */
  readonly investment: number;
  readonly investmentRaw: string;
  readonly period: string;
  readonly remark?: string;
  readonly sourceLine?: number;
}

export interface StatedCounts {
  readonly tasks: {
    readonly total: number;
    readonly bySystem: Readonly<Partial<Record<SystemName, number>>>;
    readonly source: SourceRef;
  };
  readonly indicators: {
    readonly total: number;
    readonly level1?: number;
    readonly level2?: number;
    readonly byClass: Readonly<Partial<Record<IndicatorClass, number>>>;
    readonly source: SourceRef;
  };
  readonly departments: { readonly total: number; readonly source: SourceRef };
  readonly projects: {
    readonly total: number;
    readonly totalInvestmentRaw: string;
    readonly totalInvestment: number;
    readonly unit: string;
    readonly source: SourceRef;
  };
}

/** A judgement made while transcribing (a shifted cell, a split list), kept with the data. */
export interface TranscriptionNote {
  readonly where: string;
  readonly line: number | null;
  readonly note: string;
}

export interface Plan {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly planVersion: string;
  readonly id: string;
  readonly title: string;
  readonly region: { readonly name: string; readonly city: string; readonly province: string };
  readonly issuedBy: string;
  readonly issuedOn: string;
  readonly period: { readonly from: number; readonly to: number };
  /** Every date of the plan is a local date here; the service computes deadlines in Asia/Shanghai only. */
  readonly timeZone: typeof PLAN_TIME_ZONE;
  readonly settings: PlanSettings;
  readonly source: { readonly file: string; readonly lineCount: number };
  readonly systems: readonly PlanSystem[];
  readonly departments: readonly Department[];
  readonly externalUnits: readonly ExternalUnit[];
  readonly genericEntries: readonly GenericEntry[];
  readonly tasks: readonly PlanTask[];
  readonly indicators: readonly Indicator[];
  readonly projects: readonly Project[];
  readonly statedCounts: StatedCounts;
  readonly transcriptionNotes: readonly TranscriptionNote[];
}

export type PlanSchemaResult =
  | { readonly ok: true; readonly plan: Plan; readonly errors: readonly [] }
  | { readonly ok: false; readonly errors: readonly is.SchemaError[] };

/** Checks JSON of unknown origin against the plan shape; errors name paths such as `tasks[3].lead`. */
export function validatePlanSchema(input: unknown): PlanSchemaResult {
  const errors: is.Errors = [];
  if (!is.object(errors, '$', input)) return { ok: false, errors };
  const p = input;
  if (p['schemaVersion'] !== SCHEMA_VERSION) is.fail(errors, 'schemaVersion', `应为 ${SCHEMA_VERSION}`);
  for (const key of ['planVersion', 'id', 'title', 'issuedBy']) is.text(errors, key, p[key]);
  if (p['timeZone'] !== PLAN_TIME_ZONE) {
    is.fail(errors, 'timeZone', `应为 ${PLAN_TIME_ZONE}：期限、签收与提醒均按北京时间计算`);
  }
  if (typeof p['issuedOn'] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(p['issuedOn'])) {
    is.fail(errors, 'issuedOn', '应为 YYYY-MM-DD 日期');
  }
  if (is.object(errors, 'region', p['region'])) {
    for (const key of ['name', 'city', 'province']) is.text(errors, `region.${key}`, p['region'][key]);
  }
  const period = p['period'];
  if (is.object(errors, 'period', period)) {
    const { from, to } = period;
    // Years a plan can cover; each year of the period gets deadlines and reminders.
    const okFrom = is.integer(errors, 'period.from', from, MIN_PLAN_YEAR, MAX_PLAN_YEAR);
    if (is.integer(errors, 'period.to', to, MIN_PLAN_YEAR, MAX_PLAN_YEAR) && okFrom && to < from)
      is.fail(errors, 'period.to', '结束年份早于开始年份');
  }
  if (is.object(errors, 'source', p['source'])) {
    is.text(errors, 'source.file', p['source']['file']);
    is.integer(errors, 'source.lineCount', p['source']['lineCount']);
  }
  const systems: { code: string; name: string }[] = [];
  is.array(errors, 'systems', p['systems'], (item, path) => {
    rule.checkSystem(errors, item, path);
    if (is.isRecord(item)) systems.push({ code: String(item['code']), name: String(item['name']) });
  });
  is.array(errors, 'departments', p['departments'], (item, path) => rule.checkDepartment(errors, item, path));
  is.array(errors, 'externalUnits', p['externalUnits'], (item, path) => rule.checkExternalUnit(errors, item, path));
  is.array(errors, 'genericEntries', p['genericEntries'], (item, path) => rule.checkGenericEntry(errors, item, path));
  is.array(errors, 'tasks', p['tasks'], (item, path) => rule.checkTask(errors, item, path, systems));
  is.array(errors, 'indicators', p['indicators'], (item, path) => rule.checkIndicator(errors, item, path));
  is.array(errors, 'projects', p['projects'], (item, path) => rule.checkProject(errors, item, path));
  rule.checkStatedCounts(errors, p['statedCounts'], 'statedCounts');
  const indicatorNos = new Set(
    Array.isArray(p['indicators']) ? p['indicators'].map((i: unknown) => (is.isRecord(i) ? i['no'] : undefined)) : [],
  );
  checkSettings(errors, p['settings'], 'settings', indicatorNos as Set<number>);
  is.array(errors, 'transcriptionNotes', p['transcriptionNotes'], (item, path) => {
    if (!is.object(errors, path, item)) return;
    is.text(errors, `${path}.where`, item['where']);
    is.nullableInteger(errors, `${path}.line`, item['line']);
    is.text(errors, `${path}.note`, item['note']);
  });
  // The checks above walk every field the Plan type declares, so the cast only names what was proven.
  return errors.length === 0 ? { ok: true, plan: input as unknown as Plan, errors: [] } : { ok: false, errors };
}
