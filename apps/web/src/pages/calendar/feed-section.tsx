import { Space } from 'antd';
import { useState } from 'react';
import type { SessionUser } from '../../auth/session';
import { DepartmentPicker } from '../../components/department-picker';
import { CalendarFeeds } from './calendar-feeds';

/** The subscription of the clerk's own department; the office picks the department it issues for. */
export function FeedSection({ user }: { user: SessionUser }) {
  const own = user.role === 'department' ? (user.department ?? undefined) : undefined;
  const [picked, setPicked] = useState<string | undefined>();
  const department = own ?? picked;
  return (
    <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
      {!own && (
        <DepartmentPicker
          label="订阅单位"
          placeholder="选择要生成日历订阅的单位"
          width={280}
          value={picked}
          onChange={setPicked}
        />
      )}
      {department && <CalendarFeeds key={department} department={department} canManage />}
    </Space>
  );
}
