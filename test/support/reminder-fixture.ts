import type { TaskEvent } from '@zw/domain';
import type { NewEvent } from '@zw/event-store';

/**
 * Task C-5 assigned in January 2024 with two milestones due 2024-06-30, both departments
 * acknowledged: on 2024-07-03 both milestones are 3 days overdue, so a worker owes 7 reminders
 * per milestone (30/7/1 days before, overdue days 1-3, 督办 to the office) on each channel.
 */
export function overdueTaskFixture(lead: string, cooperating: string): NewEvent[] {
  const assigned: TaskEvent = {
    type: 'TaskAssigned',
    data: {
      facts: {
        planId: 'lianyun-2022-2025',
        code: 'C-5',
        title: '社会源危险废物回收体系建设',
        text: '社会源危险废物回收体系建设',
        system: '市场体系建设',
        area: '体系建设',
        window: '2024',
        ongoing: false,
      },
      lead: [lead],
      cooperating: [cooperating],
      dueDate: '2024-12-31',
      reporting: null,
      source: 'plan',
      assignedAt: '2024-01-02T09:00:00+08:00',
      acknowledgeBy: '2024-01-05',
      milestones: [
        { milestoneId: 'm1', title: '制定社会源危险废物收集方案', dueDate: '2024-06-30', owner: lead },
        { milestoneId: 'm2', title: '建成小微企业危险废物收集点', dueDate: '2024-06-30', owner: cooperating },
      ],
    },
  };
  const acknowledged = (department: string, role: 'lead' | 'cooperating'): TaskEvent => ({
    type: 'TaskAcknowledged',
    data: { department, role, acknowledgeBy: '2024-01-05', acknowledgedAt: '2024-01-03T09:00:00+08:00', late: false },
  });
  const metadata = {
    actorId: 'office-test',
    role: 'office',
    correlationId: 'fixture',
    causationId: 'fixture',
    occurredAt: '2024-01-03T09:00:00+08:00',
  };
  return [assigned, acknowledged(lead, 'lead'), acknowledged(cooperating, 'cooperating')].map((e) => ({
    ...e,
    metadata,
  }));
}
