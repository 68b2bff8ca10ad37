import { useQuery } from '@tanstack/react-query';
import { Space } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { useOwnPlanId } from '../../api/own-plan';
import type { SessionUser } from '../../auth/session';
import { FieldSelect } from '../../components/field-select';
import { CalendarFeeds } from './calendar-feeds';

/** The subscription of the clerk's own department; the office picks the department it issues for. */
export function FeedSection({ user }: { user: SessionUser }) {
  const own = user.role === 'department' ? (user.department ?? undefined) : undefined;
  const [picked, setPicked] = useState<string | undefined>();
  const planId = useOwnPlanId();
  const departments = useQuery({
    queryKey: ['plan', planId, 'departments'],
    enabled: !own && planId !== undefined,
    queryFn: () =>
      unwrap<{ name: string }[]>(
        api.GET('/plans/{planId}/{list}', { params: { path: { planId: planId ?? '', list: 'departments' } } }),
      ),
    staleTime: Infinity,
  });
  const department = own ?? picked;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      {!own && (
        <FieldSelect<string>
          aria-label="订阅单位"
          placeholder="选择要生成日历订阅的单位"
          showSearch
          allowClear
          style={{ width: 280 }}
          value={picked}
          options={(departments.data ?? []).map((d) => ({ value: d.name, label: d.name }))}
          onChange={setPicked}
        />
      )}
      {department && <CalendarFeeds key={department} department={department} canManage />}
    </Space>
  );
}
