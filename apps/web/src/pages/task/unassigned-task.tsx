import { Alert, Button, Card, Descriptions, Typography } from 'antd';
import { useNavigate } from 'react-router-dom';
import type { UnassignedTaskView } from '../../api/responses';

/** A task not yet 交办: the plan row's facts, and for the office the way to 交办 it. */
export function UnassignedTask({ task, office }: { task: UnassignedTaskView; office: boolean }) {
  const navigate = useNavigate();
  return (
    <Card
      title={
        <Typography.Title level={1} style={{ fontSize: 20, margin: 0 }}>
          {task.code} {task.title}
        </Typography.Title>
      }
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message={`任务 ${task.code} 尚未交办`}
        action={
          office ? (
            <Button type="primary" onClick={() => navigate(`/assign/${task.code}`)}>
              交办
            </Button>
          ) : undefined
        }
      />
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label="序号">{task.code}</Descriptions.Item>
        <Descriptions.Item label="状态">{task.statusLabel}</Descriptions.Item>
        <Descriptions.Item label="任务清单" span={2}>
          {task.text}
        </Descriptions.Item>
        <Descriptions.Item label="牵头单位">{task.lead.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="配合单位">{task.cooperating.join('、') || '—'}</Descriptions.Item>
        <Descriptions.Item label="时间">{task.window}</Descriptions.Item>
        <Descriptions.Item label="体系">{task.system}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
