import { periodBounds } from './period';

describe('reporting periods', () => {
  it.each([
    ['2024-Q1', 'quarterly', '2024-01-01', '2024-03-31'],
    ['2024-Q4', 'quarterly', '2024-10-01', '2024-12-31'],
    ['2024-02', 'monthly', '2024-02-01', '2024-02-29'],
    ['2023-02', 'monthly', '2023-02-01', '2023-02-28'],
    ['2024-H2', 'half-yearly', '2024-07-01', '2024-12-31'],
    ['2025', 'yearly', '2025-01-01', '2025-12-31'],
  ] as const)('%s (%s) runs from %s to %s', (period, cadence, start, end) => {
    expect(periodBounds(period, cadence)).toEqual({ start, end });
  });

  it.each([
    ['2024-Q1', 'monthly'],
    ['2024-03', 'quarterly'],
    ['2024-Q0', 'quarterly'],
    ['2024-13', 'monthly'],
    ['2024-H3', 'half-yearly'],
    ['24', 'yearly'],
  ] as const)('%s is no %s period', (period, cadence) => {
    expect(periodBounds(period, cadence)).toBeUndefined();
  });
});
