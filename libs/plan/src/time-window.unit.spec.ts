import { loadLianyunPlan } from './index';
import { endOfDayInstant, isLocalDate, parseTimeWindow, quarterlyReportDues } from './time-window';

describe('given the 时间 column of a task', () => {
  describe('when it is a single year', () => {
    it.each([
      ['2023', '2023-12-31'],
      ['2024', '2024-12-31'],
      ['2025', '2025-12-31'],
    ])('then “%s” is one final milestone due %s', (raw, due) => {
      expect(parseTimeWindow(raw)).toEqual({
        ok: true,
        window: {
          kind: 'dated',
          raw,
          startYear: Number(raw),
          endYear: Number(raw),
          milestones: [{ year: Number(raw), due, final: true }],
          finalDue: due,
        },
      });
    });
  });

  describe('when it is a span of years', () => {
    it('then “2023-2025” has one milestone per year, each due 31 Dec, the last completing the task', () => {
      const result = parseTimeWindow('2023-2025');
      expect(result).toEqual({
        ok: true,
        window: {
          kind: 'dated',
          raw: '2023-2025',
          startYear: 2023,
          endYear: 2025,
          milestones: [
            { year: 2023, due: '2023-12-31', final: false },
            { year: 2024, due: '2024-12-31', final: false },
            { year: 2025, due: '2025-12-31', final: true },
          ],
          finalDue: '2025-12-31',
        },
      });
    });
  });

  describe('when it is 持续开展', () => {
    it('then the task is ongoing, reported quarterly, with no final deadline', () => {
      expect(parseTimeWindow('持续开展')).toEqual({
        ok: true,
        window: { kind: 'ongoing', raw: '持续开展', progressReports: 'quarterly', finalDue: null },
      });
      expect(quarterlyReportDues(2024)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    });
  });

  describe('when it is anything else', () => {
    it.each(['2025-2023', '2023年', '2023—2025', '长期', '', '23-25', '2023-2025年底'])(
      'then “%s” is an UNKNOWN_WINDOW error, not a guess',
      (raw) => {
        const result = parseTimeWindow(raw);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error).toMatchObject({ code: 'UNKNOWN_WINDOW', raw });
      },
    );
  });

  describe('when the Lianyun task windows are parsed', () => {
    it('then every one is understood, and only C-2 and C-3 are ongoing', () => {
      const plan = loadLianyunPlan();
      const results = plan.tasks.map((t) => [t.code, parseTimeWindow(t.window)] as const);
      expect(results.filter(([, r]) => !r.ok)).toEqual([]);
      expect(results.filter(([, r]) => r.ok && r.window.kind === 'ongoing').map(([code]) => code)).toEqual([
        'C-2',
        'C-3',
      ]);
    });
  });
});

describe('given a local date in Asia/Shanghai', () => {
  describe('when it is turned into the instant its day ends', () => {
    it('then 2023-12-31 ends at 2023-12-31T23:59:59+08:00, i.e. 15:59:59 UTC', () => {
      const instant = endOfDayInstant('2023-12-31');
      expect(instant).toBe('2023-12-31T23:59:59+08:00');
      expect(new Date(instant).toISOString()).toBe('2023-12-31T15:59:59.000Z');
    });

    it('then an impossible date is refused', () => {
      expect(isLocalDate('2023-02-29')).toBe(false);
      expect(isLocalDate('2024-02-29')).toBe(true);
      expect(() => endOfDayInstant('2023-13-01')).toThrow(RangeError);
    });
  });
});
