/** The whole organisation tree is one stream (see organisation.events.ts for why). */
export const ORGANISATIONS_STREAM_ID = 'organisations';
