import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { areasOf, CODE_PATTERN, newTaskBody, nextTaskCode, WINDOW_PATTERN } from './new-task';

const rows = [
  { code: 'A-1', system: '制度体系建设', area: '工业' },
  { code: 'A-12', system: '制度体系建设', area: '农业' },
  { code: 'A-3', system: '制度体系建设', area: '工业' },
  { code: 'B-2', system: '技术体系建设', area: '工业' },
];

describe('新增任务', () => {
  it('given a 体系, then the next code follows its highest number, created tasks included', () => {
    expect(nextTaskCode(rows, '制度体系建设')).toBe('A-13');
    expect(nextTaskCode([...rows, { code: 'A-20', system: '制度体系建设' }], '制度体系建设')).toBe('A-21');
    expect(nextTaskCode(rows, '技术体系建设')).toBe('B-3');
  });

  it('given a 体系 without any task, then no code is guessed', () => {
    expect(nextTaskCode(rows, '监管体系建设')).toBeUndefined();
  });

  it('given the rows, then the 领域 of a 体系 are offered once each, in plan order', () => {
    expect(areasOf(rows, '制度体系建设')).toEqual(['工业', '农业']);
  });

  it('given codes and windows, then only the forms the api accepts pass', () => {
    expect(['A-16', 'D-1'].every((c) => CODE_PATTERN.test(c))).toBe(true);
    expect(['a-16', 'A16', 'A-1000'].some((c) => CODE_PATTERN.test(c))).toBe(false);
    expect(['2023', '2023-2025', '持续开展'].every((w) => WINDOW_PATTERN.test(w))).toBe(true);
    expect(['2023年', '2023—2025'].some((w) => WINDOW_PATTERN.test(w))).toBe(false);
  });

  it('given the form, then the body trims texts, formats dates and leaves out what was left empty', () => {
    expect(
      newTaskBody({
        system: '制度体系建设',
        code: ' A-13 ',
        area: '工业 ',
        text: ' 编制方案 ',
        window: '2023',
        lead: ['区生态环境局'],
        cooperating: ['区生态环境局', '区经发局'],
        dueDate: dayjs('2023-12-31'),
      }),
    ).toEqual({
      system: '制度体系建设',
      code: 'A-13',
      area: '工业',
      text: '编制方案',
      window: '2023',
      lead: ['区生态环境局'],
      cooperating: ['区经发局'],
      dueDate: '2023-12-31',
    });
  });
});
