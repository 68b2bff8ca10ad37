import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, List, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { useAuth } from '../../auth/auth-context';
import { LightTag } from '../../components/light-tag';
import { useTaskCommand } from '../task/use-task-command';
import { actionPath, BUTTONS, dueText, pageOf, todoGroups, todoLight, type TodoItem } from './todo';
import { todoQuery } from './todo-query';

/** 我的待办 (GET /me/todo): what this person's department or role must do now, grouped, each with its light and one button. */
export default function TodoPage() {
  const { user } = useAuth();
  const todo = useQuery(todoQuery);
  const groups = todo.data ? todoGroups(todo.data.items) : [];

  return (
    <section aria-labelledby="todo-title">
      <Typography.Title level={1} id="todo-title" style={{ fontSize: 22 }}>
        我的待办
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {user?.department ?? user?.displayName}
        {todo.data ? `，截至 ${todo.data.asOf}` : ''}
      </Typography.Paragraph>
      {todo.error && <Alert type="error" showIcon message={todo.error.message} />}
      {todo.isLoading && <Card loading />}
      {todo.data && groups.length === 0 && <Empty description="暂无待办事项" />}
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
  const page = pageOf(item);
  const label = BUTTONS[item.kind];
  // 签收 needs nothing but the click: sent without If-Match, the api decides on the task as it is now.
  const acknowledge = () =>
    run(
      () => unwrap(api.POST('/tasks/{code}/acknowledgements', { params: { path: { code: item.code } } })),
      `${item.code} 已签收`,
    );
  const action =
    item.kind === 'acknowledge' ? (
      <Button type="primary" onClick={() => void acknowledge()}>
        {label}
      </Button>
    ) : (
      <Button type="primary" ghost onClick={() => navigate(actionPath(item))}>
        {label}
      </Button>
    );
  return (
    <List.Item data-code={item.code} style={{ flexWrap: 'wrap', gap: 8 }}>
      <Space direction="vertical" size={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
        <Space wrap size={6}>
          <Link to={page.path}>{page.label}</Link>
          <LightTag light={todoLight(item)} />
          {item.detail && <Typography.Text>{item.detail}</Typography.Text>}
        </Space>
        <Typography.Text ellipsis={{ tooltip: item.title }} style={{ maxWidth: '100%' }}>
          {item.title}
        </Typography.Text>
        <Typography.Text type={item.late ? 'danger' : 'secondary'}>{dueText(item)}</Typography.Text>
      </Space>
      {action}
    </List.Item>
  );
}
