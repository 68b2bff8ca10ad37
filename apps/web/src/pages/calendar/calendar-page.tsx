import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Calendar, ConfigProvider, List, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';
import { useAuth } from '../../auth/auth-context';
import { FeedSection } from './feed-section';

/** A day's deadline as GET /calendar answers it. */
type Deadline = components['schemas']['Calendar']['deadlines'][number];

/** 期限日历: the month's deadlines (签收, 里程碑, 任务期限, 报送) by day; a day lists them below. */
export default function CalendarPage() {
  const { user } = useAuth();
  // The month opens on the service's today (its clock, which a drill may set), not the browser's.
  const [picked, setMonth] = useState<Dayjs | undefined>();
  const [day, setDay] = useState<string | undefined>();
  const range = picked
    ? {
        from: picked.startOf('month').subtract(7, 'day').format('YYYY-MM-DD'),
        to: picked.endOf('month').add(14, 'day').format('YYYY-MM-DD'),
      }
    : {};
  const calendar = useQuery({
    queryKey: ['calendar', range],
    queryFn: () => unwrap(api.GET('/calendar', { params: { query: range } })),
    placeholderData: (previous) => previous,
  });
  const month = picked ?? (calendar.data ? dayjs(calendar.data.asOf) : undefined);
  const byDay = new Map<string, Deadline[]>();
  for (const d of calendar.data?.deadlines ?? []) byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
  const status = (d: Deadline) => (d.done ? 'success' : d.overdue ? 'error' : 'processing');

  return (
    <section aria-labelledby="calendar-title">
      <Typography.Title level={1} id="calendar-title" style={{ fontSize: 22 }}>
        期限日历
      </Typography.Title>
      {calendar.error && <Alert type="error" showIcon message={calendar.error.message} />}
      {month && (
        // Out-of-month dates and the selected date keep a 4.5:1 contrast (axe), unlike antd's defaults.
        <ConfigProvider theme={{ token: { colorTextDisabled: '#737373', controlItemBgActive: '#e3f1eb' } }}>
          <Calendar
            value={month}
            onPanelChange={(value) => setMonth(value)}
            onSelect={(value, info) => {
              setMonth(value);
              if (info.source === 'date') setDay(value.format('YYYY-MM-DD'));
            }}
            // antd's own header is two unlabelled selects: this one names its buttons.
            headerRender={({ value, onChange }) => (
              <Space wrap style={{ padding: '8px 0' }}>
                <Button onClick={() => onChange(value.subtract(1, 'month'))}>上个月</Button>
                <Typography.Text strong aria-live="polite">
                  {value.format('YYYY年M月')}
                </Typography.Text>
                <Button onClick={() => onChange(value.add(1, 'month'))}>下个月</Button>
              </Space>
            )}
            cellRender={(value, info) => {
              if (info.type !== 'date') return info.originNode;
              const items = byDay.get(value.format('YYYY-MM-DD')) ?? [];
              return (
                <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                  {items.slice(0, 3).map((d) => (
                    <li key={d.id}>
                      <Badge status={status(d)} text={`${d.code} ${d.kindLabel}`} />
                    </li>
                  ))}
                  {items.length > 3 && <li>另有 {items.length - 3} 项</li>}
                </ul>
              );
            }}
          />
        </ConfigProvider>
      )}
      {day && (
        <List
          style={{ marginBottom: 16 }}
          header={`${day} 的期限`}
          bordered
          dataSource={byDay.get(day) ?? []}
          locale={{ emptyText: <Typography.Text type="secondary">当天没有期限</Typography.Text> }}
          renderItem={(d) => (
            <List.Item>
              <Link to={`/task/${d.code}`}>{d.code}</Link> {d.kindLabel}：{d.title}（{d.departments.join('、')}，
              {d.statusLabel}）
            </List.Item>
          )}
        />
      )}
      {user && (user.role === 'department' || user.role === 'office') && <FeedSection user={user} />}
    </section>
  );
}
