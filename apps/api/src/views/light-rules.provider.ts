import { lightRulesFrom } from '@zw/projections';

export const LIGHT_RULES = 'LIGHT_RULES';

/** The traffic-light settings (LIGHT_DUE_SOON_DAYS, LIGHT_PROGRESS_TOLERANCE); a bad value stops the start. */
export const lightRulesProvider = { provide: LIGHT_RULES, useFactory: () => lightRulesFrom(process.env) };
