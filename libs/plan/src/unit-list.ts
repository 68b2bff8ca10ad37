/**
 * The plan writes several units in one table cell ("区科技局、区经发局"). The cell text is kept
 * verbatim in the data; this parser is the single rule that turns it into a list, so the schema
 * can check that the stored list was derived from the stored text and not retyped by hand.
 */
export interface UnitList {
  readonly raw: string;
  readonly names: readonly string[];
  /** The cell does not close the list ("……等", "……及相关部门"): more units may be meant. */
  readonly openEnded: boolean;
}

/** "/" in a table cell means "none", not a unit called "/". */
export const NO_UNIT = '/';
const SEPARATOR = '、';
const OPEN_TAIL = '等';
/** "人民银行市中心支行及相关部门": a named unit followed by an unnamed, generic remainder. */
const GENERIC_TAIL = '及相关部门';
export const GENERIC_TAIL_ENTRY = '相关部门';

export function parseUnitList(raw: string): UnitList {
  const text = raw.trim();
  if (text === NO_UNIT || text === '') return { raw, names: [], openEnded: false };

  let openEnded = false;
  const names: string[] = [];
  for (const part of text.split(SEPARATOR).map((p) => p.trim())) {
    if (part === '') continue;
    if (part.endsWith(GENERIC_TAIL) && part.length > GENERIC_TAIL.length) {
      names.push(part.slice(0, -GENERIC_TAIL.length), GENERIC_TAIL_ENTRY);
      openEnded = true;
      continue;
    }
    names.push(part);
  }

  const last = names[names.length - 1];
  if (last !== undefined && last.endsWith(OPEN_TAIL) && last.length > OPEN_TAIL.length) {
    names[names.length - 1] = last.slice(0, -OPEN_TAIL.length);
    openEnded = true;
  }
  return { raw, names, openEnded };
}
