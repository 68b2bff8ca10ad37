import { Form, Input, Space, Table, Tag } from 'antd';
import { EvidenceFormItem, type Evidence } from '../../components/evidence-field';
import { EvidenceLink } from '../../components/file-link';
import type { SessionUser } from '../../auth/session';
import type { TaskMilestone, AssignedTaskView } from '../../api/responses';
import { ACTION_LABELS, availableActions, openMilestonesFor } from './available-actions';
import { CommandModal } from './command-modal';
import { taskCommands } from './task-commands';
import { useTaskCommand } from './use-task-command';

/** 里程碑 with their state; 完成里程碑 (with 佐证材料) on the rows this department may complete. */
export function TaskMilestones({ task, user }: { task: AssignedTaskView; user: SessionUser }) {
  const run = useTaskCommand(task.code);
  const lead = task.departments.some((d) => d.name === user.department && d.role === 'lead');
  const mayComplete =
    availableActions(task, user).includes('completeMilestone') && user.department
      ? new Set(openMilestonesFor(task, user.department, lead).map((m) => m.milestoneId))
      : new Set<string>();

  return (
    <Table<TaskMilestone>
      rowKey="milestoneId"
      size="small"
      pagination={false}
      dataSource={task.milestones}
      scroll={{ x: 560 }}
      columns={[
        { title: '里程碑', dataIndex: 'title' },
        { title: '责任单位', dataIndex: 'owner', width: 140 },
        { title: '期限', dataIndex: 'dueDate', width: 110 },
        {
          title: '状态',
          width: 100,
          render: (_, m) => <Tag>{m.statusLabel}</Tag>,
        },
        {
          title: '操作',
          width: 130,
          render: (_, m) =>
            mayComplete.has(m.milestoneId) ? (
              <CommandModal<{ evidence: Evidence[]; note?: string }>
                label={ACTION_LABELS.completeMilestone}
                primary
                onSubmit={(v, form) =>
                  run(
                    () =>
                      taskCommands.completeMilestone({ code: task.code, revision: task.revision }, m.milestoneId, v),
                    `里程碑“${m.title}”已完成`,
                    form,
                  )
                }
              >
                <Form.Item label="里程碑">{m.title}</Form.Item>
                <EvidenceFormItem />
                <Form.Item label="说明" name="note">
                  <Input.TextArea rows={2} />
                </Form.Item>
              </CommandModal>
            ) : m.completion ? (
              <Space size={4} wrap>
                {m.completion.evidence.map((e, i) => (
                  <EvidenceLink key={i} item={e} />
                ))}
              </Space>
            ) : null,
        },
      ]}
    />
  );
}
