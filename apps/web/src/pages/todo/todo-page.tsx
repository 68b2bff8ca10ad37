import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { Board } from '../../api/responses';
import type { Accountability } from '../../api/task-responses';
import { useAuth } from '../../auth/auth-context';
import { LightTag } from '../../components/light-tag';
import { taskCommands } from '../task/task-commands';
import { useTaskCommand } from '../task/use-task-command';
import { dueText, todoGroups, type TodoItem } from './todo';

/** 我的待办: a department's home — what it must do now, grouped, each with its light and one button. */
export default function TodoPage() {
  const { user } = useAuth();
  const department = user?.department ?? '';
  // Both at once (no waterfall): the moves and the lights.
  const duty = useQuery({
    queryKey: ['todo', department],
    queryFn: () =>
      unwrap<Accountability>(api.GET('/departments/{department}/accountability', { params: { path: { department } } })),
    enabled: !!department,
  });
  const board = useQuery({ queryKey: ['board', {}], queryFn: () => unwrap<Board>(api.GET('/board')) });
  const error = duty.error ?? board.error;
  const groups = duty.data
    ? todoGroups(duty.data.currentResponsible, board.data?.tasks ?? [], department, duty.data.asOf)
    : [];

  return (
    <section aria-labelledby="todo-title">
      <Typography.Title level={1} id="todo-title" style={{ fontSize: 22 }}>
        我的待办
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {department}
        {duty.data ? `，截至 ${duty.data.asOf}` : ''}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error.message} />}
      {duty.isLoading && <Card loading />}
      {duty.data && groups.length === 0 && <Empty description="暂无待办事项" />}
      {groups.map((group) => (
        <Card
          key={group.kind}
          size="small"
          title={`${group.label}（${group.items.length}）`}
          style={{ marginBottom: 12 }}
        >
          <List dataSource={group.items} renderItem={(item) => <TodoRow item={item} />} />
        </Card>
      ))}
    </section>
  );
}

function TodoRow({ item }: { item: TodoItem }) {
  const run = useTaskCommand(item.code);
  const navigate = useNavigate();
  const action =
    item.kind === 'acknowledge' && item.revision !== null ? (
      <Button
        type="primary"
        onClick={() =>
          void run(() => taskCommands.acknowledge({ code: item.code, revision: item.revision! }), `${item.code} 已签收`)
        }
      >
        签收
      </Button>
    ) : (
      <Button type="primary" ghost onClick={() => navigate(`/task/${item.code}`)}>
        {item.kind === 'signOff' ? '去会签' : '去办理'}
      </Button>
    );
  return (
    <List.Item data-code={item.code} style={{ flexWrap: 'wrap', gap: 8 }}>
      <Space direction="vertical" size={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
        <Space wrap size={6}>
          <Link to={`/task/${item.code}`}>{item.code}</Link>
          {item.light && <LightTag light={item.light} />}
          <Typography.Text>{item.action}</Typography.Text>
        </Space>
        <Typography.Text ellipsis={{ tooltip: item.title }} style={{ maxWidth: '100%' }}>
          {item.title}
        </Typography.Text>
        <Typography.Text type={item.overdue ? 'danger' : 'secondary'}>{dueText(item)}</Typography.Text>
      </Space>
      {action}
    </List.Item>
  );
}
