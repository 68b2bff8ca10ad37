import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays } from '@zw/domain';
import request from 'supertest';
import { managementHandler } from '../apps/api/src/metrics/management';
import { createTestApp } from './support/test-app';

/**
 * Working days beyond chinese-days (which stops at 2026): readiness reports a year nobody
 * knows once a deadline falls in it, and the operator's HOLIDAY_FILE closes the gap.
 */
describe('HOLIDAY_FILE and unknown years in readiness (real api module)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zw-holidays-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('given no file, when a deadline is counted into 2027, then /health/ready reports 2027 (still ready)', async () => {
    const t = await createTestApp();
    try {
      expect(addDays('2026-12-30', 3, 'working')).toBe('2027-01-04'); // 2027-01-01 counted as a working day
      const res = await request(managementHandler(t.app)).get('/health/ready').expect(200);
      expect(res.body.details.calendar).toMatchObject({ status: 'up', unknownYears: [2027] });
      expect(res.body.details.calendar.message).toMatch(/HOLIDAY_FILE/);
    } finally {
      await t.close();
    }
  });

  it('given the 2027 notice in HOLIDAY_FILE, then New Year’s Day 2027 is off and nothing is reported', async () => {
    const file = join(dir, 'holidays.json');
    writeFileSync(
      file,
      JSON.stringify({ '2027': { holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }] } }),
    );
    const t = await createTestApp({ HOLIDAY_FILE: file });
    try {
      expect(addDays('2026-12-30', 3, 'working')).toBe('2027-01-05');
      const res = await request(managementHandler(t.app)).get('/health/ready').expect(200);
      expect(res.body.details.calendar).toEqual({ status: 'up' });
    } finally {
      await t.close();
    }
  });
});
