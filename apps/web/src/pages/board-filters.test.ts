import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../api/responses';
import { boardFilterOptions, filtersFrom } from './board-filters';

const task = (over: Partial<BoardItem>): BoardItem =>
  ({
    code: 'A-1',
    system: '制度体系建设',
    status: 'unassigned',
    statusLabel: '待交办',
    window: '2023',
    departments: [],
    ...over,
  }) as BoardItem;

describe('board filter options', () => {
  it('given tasks, then systems, statuses, departments are taken from them and years span their windows', () => {
    const options = boardFilterOptions([
      task({ departments: [{ name: '区经发局' } as BoardItem['departments'][number]] }),
      task({ code: 'B-1', system: '技术体系建设', status: 'assigned', statusLabel: '待签收', window: '2023-2025' }),
    ]);
    expect(options.systems.map((o) => o.value)).toEqual(expect.arrayContaining(['制度体系建设', '技术体系建设']));
    expect(options.statuses).toEqual([
      { value: 'unassigned', label: '待交办' },
      { value: 'assigned', label: '待签收' },
    ]);
    expect(options.departments).toEqual([{ value: '区经发局', label: '区经发局' }]);
    expect(options.years.map((o) => o.label)).toEqual(['2023年', '2024年', '2025年']);
    expect(options.lights.map((o) => o.label)).toEqual(['红', '黄', '绿']);
  });

  it('given no tasks, then no years', () => {
    expect(boardFilterOptions([]).years).toEqual([]);
  });
});

describe('board filters in the address', () => {
  it('given a drill-down link, then the filters and asOf are read from it; a year that is no number is dropped', () => {
    expect(filtersFrom(new URLSearchParams('system=技术体系建设&light=red&year=2024&asOf=2023-06-30'))).toEqual({
      system: '技术体系建设',
      light: 'red',
      year: 2024,
      asOf: '2023-06-30',
    });
    expect(filtersFrom(new URLSearchParams('year=abc&department='))).toEqual({});
  });
});
