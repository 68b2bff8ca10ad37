import { BadRequestException } from '@nestjs/common';

/**
 * Limits on a JSON body, checked on the raw bytes before `JSON.parse` runs: a body within the
 * size limit can still be 3,000 nested arrays (the validation pipe then overflows the stack) or
 * an integer the parser silently rounds (`9007199254740993` → `…992`). Node 20's reviver never
 * sees the source text, so one pass over the bytes checks all of it at once.
 */
export const JSON_LIMITS = {
  /** Nesting of objects and arrays; a plan file needs 6. */
  maxDepth: 32,
  /** Keys of one object; the widest of ours has about 20. */
  maxKeysPerObject: 1_000,
  /** Keys plus array elements of the whole body; the bundled plan file has about 2,000. */
  maxItems: 50_000,
} as const;

export type JsonLimitCode = 'REQUEST.TOO_DEEP' | 'REQUEST.TOO_MANY_KEYS' | 'REQUEST.NUMBER_OUT_OF_RANGE';

export const JSON_LIMIT_MESSAGES: Record<JsonLimitCode, string> = {
  'REQUEST.TOO_DEEP': `请求内容嵌套层级过深（最多 ${JSON_LIMITS.maxDepth} 层）`,
  'REQUEST.TOO_MANY_KEYS': `请求内容字段或元素过多（单个对象最多 ${JSON_LIMITS.maxKeysPerObject} 个字段，全部最多 ${JSON_LIMITS.maxItems} 项）`,
  'REQUEST.NUMBER_OUT_OF_RANGE': `请求中的数值超出可精确表示的范围（绝对值不能超过 ${Number.MAX_SAFE_INTEGER}）`,
};

export interface JsonLimitViolation {
  readonly code: JsonLimitCode;
  /** Byte offset in the body where the limit was crossed (for the log, not the client). */
  readonly offset: number;
  /** For a number: where it stands, as the validation pipe names fields (`milestones[0].value`). */
  readonly field?: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * The first limit the body breaks, or undefined. Malformed JSON is not judged here (the parser
 * refuses it next): the scan only counts what it can see, so it never throws and never
 * allocates per byte. Keys are the colons outside strings; elements are the commas of arrays
 * plus one for a non-empty array.
 */
export function checkJsonLimits(body: Buffer, limits = JSON_LIMITS): JsonLimitViolation | undefined {
  // One entry per open container: true for an array; its key count for an object; where we are
  // in it (an array's element index, or the offset of the object's current key) to name a field.
  const arrays: boolean[] = [];
  const keys: number[] = [];
  const at: number[] = [];
  let lastString = -1;
  let items = 0;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i]!;
    if (byte === QUOTE) {
      lastString = i;
      i = endOfString(body, i);
      continue;
    }
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
      arrays.push(byte === OPEN_ARRAY);
      keys.push(0);
      at.push(byte === OPEN_ARRAY ? 0 : -1);
      if (arrays.length > limits.maxDepth) return { code: 'REQUEST.TOO_DEEP', offset: i };
      if (byte === OPEN_ARRAY && !startsEmpty(body, i)) items++;
    } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
      arrays.pop();
      keys.pop();
      at.pop();
    } else if (byte === COLON && arrays.length > 0 && !arrays.at(-1)) {
      items++;
      const count = keys[keys.length - 1]! + 1;
      keys[keys.length - 1] = count;
      at[at.length - 1] = lastString;
      if (count > limits.maxKeysPerObject) return { code: 'REQUEST.TOO_MANY_KEYS', offset: i };
    } else if (byte === COMMA && arrays.at(-1)) {
      items++;
      at[at.length - 1]!++;
    } else if (byte === MINUS || (byte >= ZERO && byte <= NINE)) {
      const end = endOfNumber(body, i);
      if (!isSafeNumber(body.toString('latin1', i, end)))
        return { code: 'REQUEST.NUMBER_OUT_OF_RANGE', offset: i, field: fieldOf(body, arrays, at) };
      i = end - 1;
      continue;
    }
    if (items > limits.maxItems) return { code: 'REQUEST.TOO_MANY_KEYS', offset: i };
  }
  return undefined;
}

/** The 400 a violation answers; the same shape as every other error of the api. */
export function jsonLimitError(violation: JsonLimitViolation): BadRequestException {
  const { code, field } = violation;
  if (field === undefined) return new BadRequestException({ code, message: JSON_LIMIT_MESSAGES[code], details: {} });
  return new BadRequestException({
    code,
    message: `${field}: ${JSON_LIMIT_MESSAGES[code]}`,
    details: { fields: [{ field, reason: JSON_LIMIT_MESSAGES[code] }] },
  });
}

/** `evidence[2].value`, `[0]`, or `body` for a bare number; a key that is not plain text reads `?`. */
function fieldOf(body: Buffer, arrays: readonly boolean[], at: readonly number[]): string {
  let field = '';
  for (let level = 0; level < arrays.length; level++) {
    if (arrays[level]) field += `[${at[level]}]`;
    else {
      const key = keyAt(body, at[level]!);
      field += field === '' ? key : `.${key}`;
    }
  }
  return field === '' ? 'body' : field;
}

function keyAt(body: Buffer, start: number): string {
  if (start < 0) return '?';
  try {
    const key: unknown = JSON.parse(body.toString('utf8', start, endOfString(body, start) + 1));
    return typeof key === 'string' ? key.slice(0, 100) : '?';
  } catch {
    return '?';
  }
}

/** Body-parser's `verify` hook: throwing refuses the body before it is parsed. */
export function verifyJsonLimits(_req: unknown, _res: unknown, body: Buffer): void {
  const violation = checkJsonLimits(body);
  if (violation) throw jsonLimitError(violation);
}

function endOfString(body: Buffer, start: number): number {
  for (let i = start + 1; i < body.length; i++) {
    const byte = body[i];
    if (byte === BACKSLASH) i++;
    else if (byte === QUOTE) return i;
  }
  return body.length;
}

function startsEmpty(body: Buffer, open: number): boolean {
  for (let i = open + 1; i < body.length; i++) {
    const byte = body[i]!;
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return byte === CLOSE_ARRAY;
  }
  return true;
}

function endOfNumber(body: Buffer, start: number): number {
  let i = start;
  for (; i < body.length; i++) {
    const byte = body[i]!;
    const numeric = (byte >= ZERO && byte <= NINE) || byte === MINUS || byte === 0x2b || byte === 0x2e;
    if (!numeric && byte !== 0x65 && byte !== 0x45) return i; // e E
  }
  return i;
}

/**
 * Whether a number literal survives `JSON.parse` as the number it spells, as far as integers
 * go: no field of ours means anything beyond 2^53 − 1, so any larger magnitude is refused
 * rather than rounded. Integer spellings are compared exactly (BigInt), others by value.
 */
export function isSafeNumber(literal: string): boolean {
  if (/^-?\d+$/.test(literal)) {
    const digits = literal.replace(/^-?0*/, '');
    return digits.length < 16 || (digits.length === 16 && BigInt(digits) <= BigInt(Number.MAX_SAFE_INTEGER));
  }
  const value = Number(literal);
  // Not a number at all: malformed, left for the parser to refuse.
  return Number.isNaN(value) || Math.abs(value) <= Number.MAX_SAFE_INTEGER;
}
