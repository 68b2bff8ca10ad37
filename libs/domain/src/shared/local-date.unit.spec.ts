import { isLocalDate, shanghaiDay } from './local-date';

describe('Shanghai calendar days', () => {
  it.each([
    ['2024-03-28T10:00:00+08:00', '2024-03-28'],
    ['2024-03-28T00:30:00+08:00', '2024-03-28'],
    ['2024-03-27T16:30:00Z', '2024-03-28'],
    ['2024-03-27T15:59:59.999Z', '2024-03-27'],
    ['2024-12-31T23:59:59+08:00', '2024-12-31'],
    ['2024-03-28T10:00+08:00', '2024-03-28'],
  ])('%s falls on %s', (instant, day) => {
    expect(shanghaiDay(instant)).toBe(day);
  });

  it.each(['2024-03-28', '2024-03-28T10:00:00', 'yesterday', '', undefined, '2024-02-30T10:00:00+08:00'])(
    '%p is no instant with offset',
    (value) => {
      expect(shanghaiDay(value)).toBeUndefined();
    },
  );

  it('knows valid dates', () => {
    expect(['2024-02-29', '2025-12-31'].every(isLocalDate)).toBe(true);
    expect(['2023-02-29', '2024-13-01', '2024-1-1', '', null].some(isLocalDate)).toBe(false);
  });
});
