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
