import { Descriptions, Form, Input, Space } from 'antd';
import type { TaskExtension, AssignedTaskView } from '../../api/responses';
import { CommandModal } from './command-modal';
import { taskCommands } from './task-commands';
import { useTaskCommand } from './use-task-command';

/** 同意延期 / 驳回延期 of one pending request, on the task page and on 延期审批 alike. */
export function ExtensionDecision({ task, extension }: { task: AssignedTaskView; extension: TaskExtension }) {
  const run = useTaskCommand(task.code);
  const target = { code: task.code, revision: task.revision };
  const milestone = task.milestones.find((m) => m.milestoneId === extension.target.milestoneId);
  const facts = (
    <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
      <Descriptions.Item label="任务">
        {task.code} {task.title}
      </Descriptions.Item>
      <Descriptions.Item label="延期事项">{milestone ? `里程碑“${milestone.title}”` : '整个任务'}</Descriptions.Item>
      <Descriptions.Item label="原期限">{extension.previousDueDate}</Descriptions.Item>
      <Descriptions.Item label="申请延期至">{extension.newDueDate}</Descriptions.Item>
      <Descriptions.Item label="申请单位">{extension.requestedBy}</Descriptions.Item>
      <Descriptions.Item label="理由">{extension.reason}</Descriptions.Item>
    </Descriptions>
  );
  return (
    <Space wrap>
      <CommandModal<{ note?: string }>
        label="同意延期"
        primary
        onSubmit={(v, form) =>
          run(() => taskCommands.approveExtension(target, extension.extensionId, v), '已同意延期', form)
        }
      >
        {facts}
        <Form.Item label="审批意见" name="note">
          <Input.TextArea rows={2} />
        </Form.Item>
      </CommandModal>
      <CommandModal<{ reason: string }>
        label="驳回延期"
        danger
        onSubmit={(v, form) =>
          run(() => taskCommands.rejectExtension(target, extension.extensionId, v), '已驳回延期', form)
        }
      >
        {facts}
        <Form.Item
          label="驳回理由"
          name="reason"
          rules={[{ required: true, whitespace: true, message: '请填写驳回理由' }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      </CommandModal>
    </Space>
  );
}
