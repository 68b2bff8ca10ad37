import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { showError } from '../../components/show-error';

type IssuedFeed = components['schemas']['IssuedCalendarFeed'];

/**
 * 日历订阅: a department's deadlines as an iCal link for the phone's or the computer's calendar.
 * The link is the credential (calendar apps send no login), so the api shows it once, at issue;
 * the list shows each link's state and 停用 ends one at once.
 */
export function CalendarFeeds({ department, canManage }: { department: string; canManage: boolean }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [issued, setIssued] = useState<IssuedFeed | undefined>();
  const path = { params: { path: { department } } };
  const feeds = useQuery({
    queryKey: ['calendar-feeds', department],
    queryFn: () => unwrap(api.GET('/departments/{department}/calendar-feeds', path)),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['calendar-feeds', department] });
  const issue = async () => {
    try {
      setIssued(await unwrap(api.POST('/departments/{department}/calendar-feeds', path)));
      await refresh();
    } catch (error) {
      showError(error);
    }
  };
  const revoke = async (feedId: string) => {
    try {
      await unwrap(
        api.DELETE('/departments/{department}/calendar-feeds/{feedId}', { params: { path: { department, feedId } } }),
      );
      if (issued?.feedId === feedId) setIssued(undefined);
      void message.success('订阅链接已停用');
      await refresh();
    } catch (error) {
      showError(error);
    }
  };

  return (
    <Card size="small" title={<h2 style={{ fontSize: 16, margin: 0 }}>日历订阅（iCal）：{department}</h2>}>
      <Typography.Paragraph>
        把本单位的期限（签收、里程碑、任务期限、进展报送）订阅到手机或电脑的日历（苹果日历、Outlook、WPS 等支持 iCal
        订阅的日历），期限变化时日历自动更新。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        订阅链接本身就是凭证，打开无需登录：请只在本单位使用，不要转发。链接只在生成时显示一次；如有泄露，停用后重新生成即可。
      </Typography.Paragraph>
      {canManage && (
        <Button type="primary" onClick={() => void issue()} style={{ marginBottom: 12 }}>
          生成订阅链接
        </Button>
      )}
      {issued && (
        <Alert
          type="success"
          style={{ marginBottom: 12 }}
          message="订阅链接已生成（只显示这一次，请复制保存）"
          description={
            <Space direction="vertical" style={{ width: '100%' }}>
              <Typography.Text>在日历应用中选择“添加订阅日历”或“从 URL 订阅”，粘贴以下链接：</Typography.Text>
              <Typography.Paragraph
                copyable={{ text: issued.url, tooltips: ['复制链接', '已复制'] }}
                code
                style={{ wordBreak: 'break-all', marginBottom: 0 }}
                data-testid="feed-url"
              >
                {issued.url}
              </Typography.Paragraph>
              <Typography.Link href={issued.webcal}>在本机日历中打开订阅</Typography.Link>
            </Space>
          }
        />
      )}
      {feeds.error && <Alert type="error" showIcon message={feeds.error.message} />}
      <List<components['schemas']['CalendarFeed']>
        size="small"
        header="已生成的订阅链接"
        dataSource={feeds.data ?? []}
        loading={feeds.isLoading}
        locale={{ emptyText: <Typography.Text type="secondary">尚未生成订阅链接</Typography.Text> }}
        renderItem={(feed) => (
          <List.Item
            actions={
              canManage && feed.status === 'open'
                ? [
                    <Popconfirm
                      key="revoke"
                      title="停用后该链接立即失效，确定停用？"
                      okText="停用"
                      cancelText="取消"
                      onConfirm={() => revoke(feed.feedId)}
                    >
                      <Button size="small" danger>
                        停用
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            生成于 {feed.issuedAt.slice(0, 16).replace('T', ' ')}，{feed.statusLabel}
          </List.Item>
        )}
      />
    </Card>
  );
}
