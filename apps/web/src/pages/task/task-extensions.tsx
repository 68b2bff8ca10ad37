import { Form, Input, List, Space } from 'antd';
import type { SessionUser } from '../../auth/session';
import type { TaskView } from '../../api/task-responses';
import { CommandModal } from './command-modal';
import { taskCommands } from './task-commands';
import { useTaskCommand } from './use-task-command';

/** 延期申请 of the task; the office approves (批准) or rejects (驳回) the pending ones here. */
export function TaskExtensions({ task, user }: { task: TaskView; user: SessionUser }) {
  const run = useTaskCommand(task.code);
  const target = { code: task.code, revision: task.revision };
  return (
    <List
      size="small"
      dataSource={task.extensions}
      renderItem={(x) => (
        <List.Item
          actions={
            user.role === 'office' && x.status === 'pending'
              ? [
                  <CommandModal<{ note?: string }>
                    key="approve"
                    label="批准延期"
                    primary
                    onSubmit={(v, form) =>
                      run(() => taskCommands.approveExtension(target, x.extensionId, v), '已批准延期', form)
                    }
                  >
                    <Form.Item label="审批意见" name="note">
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </CommandModal>,
                  <CommandModal<{ reason: string }>
                    key="reject"
                    label="驳回延期"
                    danger
                    onSubmit={(v, form) =>
                      run(() => taskCommands.rejectExtension(target, x.extensionId, v), '已驳回延期', form)
                    }
                  >
                    <Form.Item
                      label="驳回理由"
                      name="reason"
                      rules={[{ required: true, whitespace: true, message: '请填写驳回理由' }]}
                    >
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  </CommandModal>,
                ]
              : []
          }
        >
          <Space direction="vertical" size={0}>
            <span>
              {x.requestedBy} 申请延期至 {x.newDueDate}（{x.statusLabel}）
            </span>
            <span>理由：{x.reason}</span>
          </Space>
        </List.Item>
      )}
    />
  );
}
