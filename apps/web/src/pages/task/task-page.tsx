import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { AssignedTaskView } from '../../api/responses';
import { useAuth } from '../../auth/auth-context';
import { TaskActionBar } from './task-action-bar';
import { TaskExtensions } from './task-extensions';
import { TaskMilestones } from './task-milestones';
import { TaskTimeline } from './task-timeline';
import { UnassignedTask } from './unassigned-task';

const names = (task: AssignedTaskView, role: 'lead' | 'cooperating') =>
  task.departments
    .filter((d) => d.role === role)
    .map((d) => d.name)
    .join('、') || '—';

/** 任务详情: the plan row's facts, state, departments' 签收, milestones, extensions, actions, timeline. */
export default function TaskPage() {
  const code = useParams().code ?? '';
  const { user } = useAuth();
  const navigate = useNavigate();
  const task = useQuery({
    queryKey: ['task', code],
    queryFn: () => unwrap(api.GET('/tasks/{code}', { params: { path: { code } } })),
  });
  if (!user) return null;
  if (task.error) {
    const unassigned = task.error instanceof ApiError && task.error.status === 404;
    return (
      <Alert
        type={unassigned ? 'info' : 'error'}
        showIcon
        message={unassigned ? `任务 ${code} 尚未交办` : task.error.message}
        action={
          unassigned && user.role === 'office' ? (
            <Button type="primary" onClick={() => navigate(`/assign/${code}`)}>
              交办
            </Button>
          ) : undefined
        }
      />
    );
  }
  const t = task.data;
  if (!t) return <Card loading />;
  if (t.status === 'unassigned') return <UnassignedTask task={t} office={user.role === 'office'} />;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t.code} {t.title}
      </Typography.Title>
      <Card size="small" title="任务信息">
        <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }}>
          <Descriptions.Item label="序号">{t.code}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Tag>{t.statusLabel}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label="任务清单" span={2}>
            {t.text}
          </Descriptions.Item>
          <Descriptions.Item label="牵头单位">{names(t, 'lead')}</Descriptions.Item>
          <Descriptions.Item label="配合单位">{names(t, 'cooperating')}</Descriptions.Item>
          <Descriptions.Item label="时间">{t.window}</Descriptions.Item>
          <Descriptions.Item label="期限">{t.dueDate}</Descriptions.Item>
          <Descriptions.Item label="体系">{t.system}</Descriptions.Item>
          <Descriptions.Item label="领域">{t.area}</Descriptions.Item>
        </Descriptions>
        <TaskActionBar task={t} user={user} />
      </Card>
      <Card size="small" title="签收情况">
        <List
          size="small"
          dataSource={t.departments}
          renderItem={(d) => (
            <List.Item>
              {d.name}（{d.roleLabel}）：{d.acknowledgementLabel}
              {d.acknowledgeBy && !d.acknowledged ? `，签收期限 ${d.acknowledgeBy}` : ''}
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title="里程碑">
        <TaskMilestones task={t} user={user} />
      </Card>
      {t.extensions.length > 0 && (
        <Card size="small" title="延期申请">
          <TaskExtensions task={t} user={user} />
        </Card>
      )}
      <Card size="small" title="办理记录">
        <TaskTimeline code={t.code} revision={t.revision} />
      </Card>
    </Space>
  );
}
