import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Empty, List, Space, Typography } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { indicatorIdOf } from './indicator';

type TodoItem = components['schemas']['TodoItemDto'];

/** 指标确认: the departments' indicator reports awaiting the office's 确认 or 退回 (from 我的待办). */
export default function ReviewPage() {
  const navigate = useNavigate();
  const todo = useQuery({
    queryKey: ['todo'],
    queryFn: () => unwrap(api.GET('/me/todo')),
  });
  const items = (todo.data?.items ?? []).filter((item) => item.kind === 'indicator-to-confirm');

  return (
    <section aria-labelledby="review-title">
      <Typography.Title level={1} id="review-title" style={{ fontSize: 22 }}>
        指标确认
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        各单位报送的指标数值，核对佐证材料后确认或退回{todo.data ? `（截至 ${todo.data.asOf}）` : ''}。
      </Typography.Paragraph>
      {todo.error && <Alert type="error" showIcon message={todo.error.message} />}
      {todo.data && items.length === 0 ? (
        <Empty description="暂无待确认的指标报送" />
      ) : (
        <List<TodoItem>
          bordered
          loading={todo.isLoading}
          dataSource={items}
          renderItem={(item) => {
            const id = indicatorIdOf(item.code) ?? '';
            return (
              <List.Item data-code={item.code} style={{ flexWrap: 'wrap', gap: 8 }}>
                <Space direction="vertical" size={2} style={{ flex: '1 1 220px', minWidth: 0 }}>
                  <Link to={`/indicator/${id}`}>
                    指标 {id}：{item.title}
                  </Link>
                  <Typography.Text>{item.detail}</Typography.Text>
                </Space>
                <Button type="primary" ghost onClick={() => navigate(`/indicator/${id}`)}>
                  去确认
                </Button>
              </List.Item>
            );
          }}
        />
      )}
    </section>
  );
}
