import { describe, expect, it } from 'vitest';
import { actionPath, dueText, pageOf, todoGroups, todoLight, type TodoItem } from './todo';

const item = (over: Partial<TodoItem>): TodoItem => ({
  kind: 'acknowledge',
  kindLabel: '待签收',
  code: 'A-6',
  title: '任务',
  dueDate: '2023-03-06',
  daysLeft: 2,
  late: false,
  light: 'green',
  detail: '',
  action: { method: 'POST', route: '/tasks/A-6/acknowledgements' },
  ...over,
});

describe('我的待办 grouping', () => {
  it('given items of several kinds, then 签收 comes before 会签 and milestones; late first, then the nearest deadline', () => {
    const groups = todoGroups([
      item({ kind: 'milestone', kindLabel: '待完成节点', code: 'C-5', dueDate: '2023-12-31' }),
      item({ code: 'A-6' }),
      item({ code: 'A-7', dueDate: '2023-03-02', daysLeft: -2, late: true, light: 'red' }),
      item({ kind: 'sign-off', kindLabel: '待会签', code: 'B-1', dueDate: '2023-06-30' }),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['待签收', '待会签', '待完成节点']);
    expect(groups[0]!.items.map((i) => i.code)).toEqual(['A-7', 'A-6']);
  });

  it('given a late item, then its light reads 红 with the reason; a yellow one says it is 临期', () => {
    expect(todoLight({ light: 'red', late: true })).toEqual({
      colour: 'red',
      label: '红',
      reasons: [{ rule: 'todo', text: '已逾期' }],
    });
    expect(todoLight({ light: 'yellow', late: false }).reasons[0]!.text).toBe('临期');
  });

  it('given an indicator item, then it opens the indicator page; a task item its task page', () => {
    expect(pageOf({ code: 'indicator:12' })).toEqual({ path: '/indicator/12', label: '指标 12' });
    expect(pageOf({ code: 'C-5' })).toEqual({ path: '/task/C-5', label: 'C-5' });
  });

  it('given a 延期 request to decide, then 去审批 opens 延期审批 on that task; other buttons the item page', () => {
    expect(actionPath({ kind: 'extension-to-decide', code: 'A-6' })).toBe('/extensions?code=A-6');
    expect(actionPath({ kind: 'acceptance', code: 'A-6' })).toBe('/task/A-6');
    expect(actionPath({ kind: 'indicator-to-confirm', code: 'indicator:12' })).toBe('/indicator/12');
  });

  it('given deadlines, then days left read as people say them', () => {
    expect(dueText({ dueDate: '2023-03-06', daysLeft: 2 })).toBe('期限 2023-03-06，剩余 2 天');
    expect(dueText({ dueDate: '2023-03-02', daysLeft: -2 })).toBe('期限 2023-03-02，已逾期 2 天');
    expect(dueText({ dueDate: '2023-03-04', daysLeft: 0 })).toBe('期限 2023-03-04，今天到期');
    expect(dueText({ dueDate: null, daysLeft: null })).toBe('无期限');
  });
});
