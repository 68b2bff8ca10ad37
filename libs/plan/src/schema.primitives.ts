/**
 * Minimal runtime checks for JSON read from disk. Hand-written rather than a schema library so
 * that libs/plan stays dependency-free; every error names the path the office can look up.
 */
export interface SchemaError {
  readonly path: string;
  readonly message: string;
}

export type Errors = SchemaError[];
export type Json = Record<string, unknown>;

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function fail(errors: Errors, path: string, message: string): false {
  errors.push({ path, message });
  return false;
}

export function object(errors: Errors, path: string, value: unknown): value is Json {
  return isRecord(value) || fail(errors, path, '应为对象');
}

export function text(errors: Errors, path: string, value: unknown): value is string {
  if (typeof value !== 'string') return fail(errors, path, '应为字符串');
  return value.trim() !== '' || fail(errors, path, '不能为空');
}

export function optionalText(errors: Errors, path: string, value: unknown): boolean {
  return value === undefined || text(errors, path, value);
}

/**
 * Every whole number of a plan file is a 序号, a line of the source text or a count: none is
 * negative or beyond a million. Bounding them here keeps a hostile file from asking for 10^15
 * rows or years (docs/security.md).
 */
export const MAX_PLAN_INTEGER = 1_000_000;

export function integer(
  errors: Errors,
  path: string,
  value: unknown,
  min = 0,
  max = MAX_PLAN_INTEGER,
): value is number {
  if (!Number.isInteger(value)) return fail(errors, path, '应为整数');
  return ((value as number) >= min && (value as number) <= max) || fail(errors, path, `应为 ${min} 至 ${max} 的整数`);
}

export function optionalInteger(errors: Errors, path: string, value: unknown): boolean {
  return value === undefined || integer(errors, path, value);
}

export function nullableInteger(errors: Errors, path: string, value: unknown): boolean {
  return value === null || integer(errors, path, value);
}

export function finiteNumber(errors: Errors, path: string, value: unknown): value is number {
  return (typeof value === 'number' && Number.isFinite(value)) || fail(errors, path, '应为数值');
}

export function boolean(errors: Errors, path: string, value: unknown): value is boolean {
  return typeof value === 'boolean' || fail(errors, path, '应为布尔值');
}

export function oneOf<T extends string>(
  errors: Errors,
  path: string,
  value: unknown,
  allowed: readonly T[],
): value is T {
  return (
    (typeof value === 'string' && (allowed as readonly string[]).includes(value)) ||
    fail(errors, path, `取值应为 ${allowed.join(' / ')} 之一`)
  );
}

export function textArray(errors: Errors, path: string, value: unknown): value is string[] {
  if (!Array.isArray(value)) return fail(errors, path, '应为字符串数组');
  let ok = true;
  value.forEach((item, i) => {
    ok = text(errors, `${path}[${i}]`, item) && ok;
  });
  return ok;
}

/** Checks each element; the callback receives the element's path, e.g. `tasks[3]`. */
export function array(
  errors: Errors,
  path: string,
  value: unknown,
  each: (item: unknown, itemPath: string) => void,
): value is unknown[] {
  if (!Array.isArray(value)) return fail(errors, path, '应为数组');
  value.forEach((item, i) => each(item, `${path}[${i}]`));
  return true;
}

export function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
