import { List, Space } from 'antd';
import type { SessionUser } from '../../auth/session';
import type { AssignedTaskView } from '../../api/responses';
import { ExtensionDecision } from './extension-decision';

/** 延期申请 of the task; the office decides (同意/驳回) the pending ones here or on 延期审批. */
export function TaskExtensions({ task, user }: { task: AssignedTaskView; user: SessionUser }) {
  return (
    <List
      size="small"
      dataSource={task.extensions}
      renderItem={(x) => (
        <List.Item
          actions={
            user.role === 'office' && x.status === 'pending'
              ? [<ExtensionDecision key="decide" task={task} extension={x} />]
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
