/**
 * Closed vocabularies of the plan file, kept apart from the types so the runtime checks can
 * import them without importing the schema that imports the checks.
 */
export const SCHEMA_VERSION = 1 as const;

/** ★ provincial required, ☆ provincial optional, ※ city-chosen, ▲ district-chosen. */
export const INDICATOR_CLASSES = ['★', '☆', '※', '▲'] as const;
export type IndicatorClass = (typeof INDICATOR_CLASSES)[number];

/** The four systems as the plans write them; task codes carry each system's letter. */
export const SYSTEM_NAMES = ['制度体系建设', '技术体系建设', '市场体系建设', '监管体系建设'] as const;
export type SystemName = (typeof SYSTEM_NAMES)[number];

export const EXTERNAL_CATEGORIES = ['government', 'enterprise', 'other'] as const;
export type ExternalCategory = (typeof EXTERNAL_CATEGORIES)[number];

/** Levels of the organisations a plan can belong to (区/县, 市, 省). */
export const ORGANISATION_KINDS = ['district', 'city', 'province'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** How often ongoing (持续开展) work reports: 月报, 季报, 半年报, 年报. */
export const REPORTING_CADENCES = ['monthly', 'quarterly', 'half-yearly', 'yearly'] as const;
export type ReportingCadence = (typeof REPORTING_CADENCES)[number];

/** Default milestones of an assignment: one per year of the window, or only the final one. */
export const MILESTONE_CADENCES = ['yearly', 'final'] as const;
export type MilestoneCadence = (typeof MILESTONE_CADENCES)[number];

/** 越低越好 / 越高越好. */
export const INDICATOR_DIRECTIONS = ['lower', 'higher'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];
