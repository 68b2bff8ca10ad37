import { DomainError } from '../shared/domain-error';
import { parseTaskStreamId, taskStreamId } from './task.stream';

describe('task stream ids', () => {
  it('joins plan id and code with a separator neither can contain', () => {
    expect(taskStreamId('qinglan-2022-2025', 'A-6')).toBe('task-qinglan-2022-2025.A-6');
    expect(parseTaskStreamId('task-qinglan-2022-2025.A-6')).toEqual({ planId: 'qinglan-2022-2025', code: 'A-6' });
  });

  it('keeps the category `task` (everything before the first dash) and never uses a colon', () => {
    const id = taskStreamId('qinglan-2022-2025', 'C-13');
    expect(id.split('-')[0]).toBe('task');
    expect(id).not.toContain(':');
  });

  it.each([
    ['qinglan.2022', 'A-6'],
    ['qinglan', 'A.6'],
    ['', 'A-6'],
    ['qinglan', ''],
    ['lian yun', 'A-6'],
    ['qinglan', 'A:6'],
    ['-x', 'A-1'],
  ])('refuses parts that could make it ambiguous: %p / %p', (planId, code) => {
    expect(() => taskStreamId(planId, code)).toThrow(DomainError);
    expect(() => taskStreamId(planId, code)).toThrow(
      expect.objectContaining({ code: 'TASK.INVALID_PLAN_FACTS', kind: 'invalid' }),
    );
  });

  it.each(['plan-qinglan-2022-2025', 'task-qinglan', 'task-a.b.c', 'task-.A-6'])(
    'does not parse %p as a task stream',
    (id) => {
      expect(parseTaskStreamId(id)).toBeUndefined();
    },
  );
});
