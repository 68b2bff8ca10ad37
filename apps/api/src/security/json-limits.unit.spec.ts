import { loadBundledPlans } from '@zw/plan';
import { checkJsonLimits, isSafeNumber, JSON_LIMITS, jsonLimitError } from './json-limits';

const scan = (text: string) => checkJsonLimits(Buffer.from(text, 'utf8'))?.code;
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('JSON limits, checked on the raw body before parsing', () => {
  it('given each bundled plan file, finds nothing to refuse', () => {
    for (const plan of loadBundledPlans()) expect(scan(JSON.stringify(plan))).toBeUndefined();
  });

  it('given nesting up to the limit, accepts it; one level more is TOO_DEEP', () => {
    expect(scan(nested(JSON_LIMITS.maxDepth))).toBeUndefined();
    expect(scan(nested(JSON_LIMITS.maxDepth + 1))).toBe('REQUEST.TOO_DEEP');
    expect(scan(`{"a":${'{"a":'.repeat(40)}1${'}'.repeat(41)}`)).toBe('REQUEST.TOO_DEEP');
  });

  it("given the probe's 3,000 nested arrays, refuses them", () => {
    expect(scan(`{"username":${nested(3000)}}`)).toBe('REQUEST.TOO_DEEP');
  });

  it('given brackets, colons and numbers inside strings (escaped quotes too), counts none of them', () => {
    const text = JSON.stringify({ title: `${'['.repeat(100)} a:b:c 99999999999999999999 \\" "[[[`, n: 1 });
    expect(scan(text)).toBeUndefined();
  });

  it('given too many keys in one object, or too many items in all, refuses with TOO_MANY_KEYS', () => {
    const wide = Object.fromEntries(Array.from({ length: JSON_LIMITS.maxKeysPerObject + 1 }, (_, i) => [`k${i}`, i]));
    expect(scan(JSON.stringify(wide))).toBe('REQUEST.TOO_MANY_KEYS');
    expect(scan(JSON.stringify(Array.from({ length: JSON_LIMITS.maxItems + 1 }, () => 0)))).toBe(
      'REQUEST.TOO_MANY_KEYS',
    );
    expect(scan(JSON.stringify(Array.from({ length: JSON_LIMITS.maxItems }, () => 0)))).toBeUndefined();
  });

  it('given an integer beyond 2^53 − 1, refuses it instead of letting the parser round it', () => {
    expect(scan('{"value":9007199254740991}')).toBeUndefined();
    expect(scan('{"value":9007199254740993}')).toBe('REQUEST.NUMBER_OUT_OF_RANGE');
    expect(scan('[-9007199254740992]')).toBe('REQUEST.NUMBER_OUT_OF_RANGE');
    expect(scan('{"value":1e308}')).toBe('REQUEST.NUMBER_OUT_OF_RANGE');
    expect(scan('{"value":705862.11,"p":-0.5,"z":0,"e":1.5e3}')).toBeUndefined();
  });

  it('names where the number stands, as the validation pipe names fields, in the Chinese message', () => {
    const field = (body: string) => checkJsonLimits(Buffer.from(body))?.field;
    expect(field('{"value":1e308}')).toBe('value');
    expect(field('{"phase":"x","investmentCompleted":1e21}')).toBe('investmentCompleted');
    expect(field('{"a":{"b":[1,2,{"c:\\"]":[0,9007199254740993]}]}}')).toBe('a.b[2].c:"][1]');
    expect(field('{"a":[[1],[2,-1e20]]}')).toBe('a[1][1]');
    expect(field('1e400')).toBe('body');
    const error = jsonLimitError(checkJsonLimits(Buffer.from('{"milestones":[{"n":1e308}]}'))!);
    expect(error.getResponse()).toEqual({
      code: 'REQUEST.NUMBER_OUT_OF_RANGE',
      message: `milestones[0].n: 请求中的数值超出可精确表示的范围（绝对值不能超过 ${Number.MAX_SAFE_INTEGER}）`,
      details: { fields: [{ field: 'milestones[0].n', reason: expect.stringMatching(/^请求中的数值超出/) }] },
    });
  });

  it('decides safe numbers exactly at the boundary, whatever the spelling', () => {
    expect(isSafeNumber('0009007199254740991')).toBe(true);
    expect(isSafeNumber('9007199254740992')).toBe(false);
    expect(isSafeNumber('12345678901234567890')).toBe(false);
    expect(isSafeNumber('9.007199254740993e15')).toBe(false);
    expect(isSafeNumber('1-2')).toBe(true); // malformed: the parser refuses it next
  });

  it('given malformed JSON, leaves the verdict to the parser (no throw, no refusal)', () => {
    expect(scan('{"a": [1, 2')).toBeUndefined();
    expect(scan(']]]]}}}')).toBeUndefined();
    expect(scan('"unterminated')).toBeUndefined();
  });
});
