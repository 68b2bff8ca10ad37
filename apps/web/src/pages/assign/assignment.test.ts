import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { assignmentBody } from './assignment';

describe('the 交办 body', () => {
  it('given prefilled and added milestones, then dates as YYYY-MM-DD, a default keeps its id, an added one gets none', () => {
    const body = assignmentBody({
      lead: ['区生态环境局'],
      cooperating: ['区经发局'],
      milestones: [
        { milestoneId: 'y2023', title: ' 2023年度目标 ', dueDate: dayjs('2023-12-31'), owner: '区生态环境局' },
        { title: '清单印发', dueDate: dayjs('2023-06-30'), owner: '区经发局' },
      ],
    });
    expect(body).toEqual({
      lead: ['区生态环境局'],
      cooperating: ['区经发局'],
      milestones: [
        { milestoneId: 'y2023', title: '2023年度目标', dueDate: '2023-12-31', owner: '区生态环境局' },
        { title: '清单印发', dueDate: '2023-06-30', owner: '区经发局' },
      ],
    });
  });

  it('given every milestone removed and no dates, then they are left out: the api applies the plan defaults', () => {
    expect(assignmentBody({ lead: ['区城管局'], milestones: [] })).toEqual({ lead: ['区城管局'], cooperating: [] });
  });
});
