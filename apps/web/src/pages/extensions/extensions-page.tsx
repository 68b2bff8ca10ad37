import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Empty, Space, Table, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { LightTag } from '../../components/light-tag';
import { ExtensionDecision } from '../task/extension-decision';
import { todoLight } from '../todo/todo';
import { pendingOn, pendingRequests, type PendingRequest } from './pending';

/** 延期审批: every pending 延期申请 of the plan, with the dates and the reason, 同意 or 驳回 in the row. */
export default function ExtensionsPage() {
  const [search, setSearch] = useSearchParams();
  const only = search.get('code');
  const todo = useQuery({
    queryKey: ['todo'],
    queryFn: () => unwrap(api.GET('/me/todo')),
  });
  const requests = pendingRequests(todo.data?.items ?? [], only);
  const codes = [...new Set(requests.map((r) => r.code))];
  // The task as the task page reads it: its revision is what the decision is made on (If-Match).
  const tasks = useQueries({
    queries: codes.map((code) => ({
      queryKey: ['task', code],
      queryFn: () => unwrap(api.GET('/tasks/{code}', { params: { path: { code } } })),
    })),
  });
  const taskOf = (code: string) => tasks[codes.indexOf(code)]?.data;

  return (
    <section aria-labelledby="extensions-title">
      <Typography.Title level={1} id="extensions-title" style={{ fontSize: 22 }}>
        延期审批
      </Typography.Title>
      {only && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`只显示任务 ${only} 的延期申请`}
          action={<Button onClick={() => setSearch({})}>显示全部</Button>}
        />
      )}
      {todo.error && <Alert type="error" showIcon message={todo.error.message} />}
      <Card size="small">
        <Table<PendingRequest>
          rowKey="extensionId"
          size="small"
          loading={todo.isLoading}
          dataSource={requests}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty description="暂无待审批的延期申请" /> }}
          columns={[
            {
              title: '任务',
              width: 220,
              // The link and the title on lines of their own: a link inside text needs more than colour.
              render: (_, r) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/task/${r.code}`}>{r.code}</Link>
                  <span>{r.item.title}</span>
                </Space>
              ),
            },
            { title: '灯', width: 70, render: (_, r) => <LightTag light={todoLight(r.item)} /> },
            { title: '申请单位', width: 130, render: (_, r) => pendingOn(taskOf(r.code), r.extensionId)?.requestedBy },
            { title: '原期限', width: 110, render: (_, r) => r.item.dueDate },
            {
              title: '申请延期至',
              width: 110,
              render: (_, r) => pendingOn(taskOf(r.code), r.extensionId)?.newDueDate,
            },
            { title: '理由', render: (_, r) => pendingOn(taskOf(r.code), r.extensionId)?.reason },
            {
              title: '审批',
              width: 220,
              render: (_, r) => {
                const task = taskOf(r.code);
                const extension = pendingOn(task, r.extensionId);
                return task && task.status !== 'unassigned' && extension ? (
                  <ExtensionDecision task={task} extension={extension} />
                ) : null;
              },
            },
          ]}
        />
      </Card>
    </section>
  );
}
