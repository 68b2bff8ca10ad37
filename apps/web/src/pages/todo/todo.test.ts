import { describe, expect, it } from 'vitest';
import type { BoardItem } from '../../api/responses';
import type { Move } from '../../api/task-responses';
import { daysBetween, dueText, kindOf, todoGroups } from './todo';

const ECO = '区生态环境局';
const move = (code: string, action: string, dueDate: string | null, party = ECO, overdue = false): Move => ({
  party,
  action,
  dueDate,
  overdue,
  code,
  title: `任务 ${code}`,
});
const red = { colour: 'red' as const, label: '红', reasons: [{ rule: 'overdue', text: '签收逾期' }] };

describe('我的待办 grouping', () => {
  it('given moves of several departments, then only mine, grouped 签收 → 会签 → 里程碑, overdue first then nearest deadline', () => {
    const groups = todoGroups(
      [
        move('C-5', '完成里程碑「完成任务」', '2023-12-31'),
        move('A-6', '签收', '2023-03-06'),
        move('A-7', '签收', '2023-03-02', ECO, true),
        move('B-1', '会签', '2023-06-30'),
        move('A-6', '签收', '2023-03-06', '区经发局'),
      ],
      [{ code: 'A-7', light: red, revision: 3 } as unknown as BoardItem],
      ECO,
      '2023-03-04',
    );
    expect(groups.map((g) => g.label)).toEqual(['待签收', '待会签', '待完成里程碑']);
    expect(groups[0]!.items.map((i) => [i.code, i.daysLeft, i.overdue])).toEqual([
      ['A-7', -2, true],
      ['A-6', 2, false],
    ]);
    expect(groups[0]!.items[0]).toMatchObject({ light: red, revision: '3' });
    expect(groups[0]!.items[1]).toMatchObject({ light: null, revision: null });
  });

  it('given actions in the api words, then each falls in its group', () => {
    expect(kindOf('签收')).toBe('acknowledge');
    expect(kindOf('报送 2023Q1 进展')).toBe('report');
    expect(kindOf('提请会签/办结')).toBe('close');
    expect(kindOf('会签')).toBe('signOff');
    expect(kindOf('审批延期申请（区经发局）')).toBe('other');
  });

  it('given deadlines, then days left read as people say them', () => {
    expect(daysBetween('2023-03-04', '2023-03-06')).toBe(2);
    expect(dueText({ dueDate: '2023-03-06', daysLeft: 2 })).toBe('期限 2023-03-06，剩余 2 天');
    expect(dueText({ dueDate: '2023-03-02', daysLeft: -2 })).toBe('期限 2023-03-02，已逾期 2 天');
    expect(dueText({ dueDate: '2023-03-04', daysLeft: 0 })).toBe('期限 2023-03-04，今天到期');
    expect(dueText({ dueDate: null, daysLeft: null })).toBe('无期限');
  });
});
