import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import { showError } from '../../components/show-error';
import { shanghaiTime } from '../task/task-timeline';
import { useNotifications } from './notices';

/** 通知: 催办/督办 and what needs attention (交办给我们、退回、延期结果、异议), newest first; 全部标为已读. */
export default function NoticesPage() {
  const notices = useNotifications();
  const queryClient = useQueryClient();
  const first = notices.data?.items[0];
  const markRead = async () => {
    if (!first) return;
    try {
      await unwrap(api.POST('/me/notifications/read', { body: { upTo: first.position } }));
      await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    } catch (error) {
      showError(error);
    }
  };
  return (
    <section aria-labelledby="notices-title">
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} id="notices-title" style={{ fontSize: 22, margin: 0 }}>
          通知
        </Typography.Title>
        <Button onClick={() => void markRead()} disabled={!notices.data?.unread}>
          全部标为已读
        </Button>
      </Space>
      {notices.error && <Alert type="error" showIcon message={notices.error.message} />}
      <List
        style={{ marginTop: 12 }}
        bordered
        loading={notices.isLoading}
        dataSource={notices.data?.items}
        locale={{ emptyText: '暂无通知' }}
        renderItem={(n) => (
          <List.Item>
            <Space direction="vertical" size={2}>
              <Space wrap>
                {!n.read && <Tag>未读</Tag>}
                <Typography.Text strong>{n.kindLabel}</Typography.Text>
                {n.code.startsWith('indicator:') ? n.code : <Link to={`/task/${n.code}`}>{n.code}</Link>}
                <Typography.Text type="secondary">{shanghaiTime(n.at)}</Typography.Text>
              </Space>
              <span>{n.text}</span>
            </Space>
          </List.Item>
        )}
      />
    </section>
  );
}
