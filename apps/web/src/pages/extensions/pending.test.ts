import { describe, expect, it } from 'vitest';
import type { AssignedTaskView } from '../../api/responses';
import type { TodoItem } from '../todo/todo';
import { pendingOn, pendingRequests } from './pending';

const item = (code: string, extensionId: string, dueDate: string): TodoItem => ({
  kind: 'extension-to-decide',
  kindLabel: '待审批延期',
  code,
  title: code,
  dueDate,
  daysLeft: 3,
  late: false,
  light: 'yellow',
  detail: '区经发局：2023-12-31 → 2024-06-30',
  action: { method: 'POST', route: `/tasks/${code}/extensions/${extensionId}/approval` },
});
const acceptance: TodoItem = {
  ...item('A-1', 'x', '2023-01-01'),
  kind: 'acceptance',
  action: { method: 'POST', route: '/tasks/A-1/acceptance' },
};

describe('延期审批', () => {
  it('given the office to-do, then only the extension requests, with their task and id, earliest deadline first', () => {
    const rows = pendingRequests([item('B-2', 'e2', '2023-12-31'), acceptance, item('A-6', 'e1', '2023-06-30')]);
    expect(rows.map((r) => [r.code, r.extensionId])).toEqual([
      ['A-6', 'e1'],
      ['B-2', 'e2'],
    ]);
  });

  it('given a task code from the task page, then only its requests', () => {
    const rows = pendingRequests([item('B-2', 'e2', '2023-12-31'), item('A-6', 'e1', '2023-06-30')], 'B-2');
    expect(rows.map((r) => r.extensionId)).toEqual(['e2']);
  });

  it('given the task as read now, then a request already decided is no longer pending', () => {
    const task = {
      extensions: [
        { extensionId: 'e1', status: 'approved' },
        { extensionId: 'e2', status: 'pending' },
      ],
    } as AssignedTaskView;
    expect(pendingOn(task, 'e1')).toBeUndefined();
    expect(pendingOn(task, 'e2')?.extensionId).toBe('e2');
    expect(pendingOn(undefined, 'e2')).toBeUndefined();
  });
});
