import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import type { AssignedTaskView } from '../../api/responses';
import { currentDepartments, reassignmentBody, unchanged } from './reassignment';

const task = {
  departments: [
    { name: '区生态环境局', role: 'lead' },
    { name: '区经发局', role: 'cooperating' },
    { name: '区住建局', role: 'cooperating' },
  ],
} as Pick<AssignedTaskView, 'departments'>;

describe('改派', () => {
  it('given a task, then the form starts from its lead and cooperating departments', () => {
    expect(currentDepartments(task)).toEqual({ lead: ['区生态环境局'], cooperating: ['区经发局', '区住建局'] });
  });

  it('given a new lead also kept as cooperating, then the body names it once, as lead; the date as YYYY-MM-DD', () => {
    const body = reassignmentBody({
      lead: ['区经发局'],
      cooperating: ['区经发局', '区住建局'],
      acknowledgeBy: dayjs('2023-03-10'),
      reason: '  职责调整 ',
    });
    expect(body).toEqual({
      lead: ['区经发局'],
      cooperating: ['区住建局'],
      acknowledgeBy: '2023-03-10',
      reason: '职责调整',
    });
  });

  it('given no 签收期限, then the body leaves it out so the api applies 3 working days', () => {
    expect(reassignmentBody({ lead: ['区经发局'], reason: '职责调整' })).toEqual({
      lead: ['区经发局'],
      cooperating: [],
      reason: '职责调整',
    });
  });

  it('given the same departments in another order, then nothing changes; a new one is a change', () => {
    expect(unchanged(task, { lead: ['区生态环境局'], cooperating: ['区住建局', '区经发局'] })).toBe(true);
    expect(unchanged(task, { lead: ['区生态环境局'], cooperating: ['区经发局'] })).toBe(false);
    expect(unchanged(task, { lead: ['区经发局'], cooperating: ['区住建局'] })).toBe(false);
  });
});
