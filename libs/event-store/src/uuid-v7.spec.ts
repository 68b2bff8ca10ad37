import { uuidv7 } from './uuid-v7';

describe('uuidv7', () => {
  it('is a version-7, RFC-variant uuid carrying the millisecond timestamp', () => {
    const id = uuidv7(Date.parse('2023-01-03T01:00:00Z'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(Date.parse('2023-01-03T01:00:00Z'));
  });

  it('sorts by time across milliseconds and stays unique within one', () => {
    const ids = [1, 2, 3].map((ms) => uuidv7(1_700_000_000_000 + ms));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(Array.from({ length: 1000 }, () => uuidv7(1)))).toHaveProperty('size', 1000);
  });
});
