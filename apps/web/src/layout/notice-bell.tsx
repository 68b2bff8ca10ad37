import { Badge, Button } from 'antd';
import { useNavigate } from 'react-router-dom';
import { unreadText, useNotifications } from '../pages/notices/notices';

/** 通知 in the header with the unread count (as text for screen readers too). */
export function NoticeBell() {
  const navigate = useNavigate();
  const unread = useNotifications().data?.unread ?? 0;
  const text = unreadText(unread);
  return (
    <Badge count={text} overflowCount={99} color="#cf1322">
      <Button type="text" onClick={() => navigate('/notices')} aria-label={text ? `通知，${text} 条未读` : '通知'}>
        通知
      </Button>
    </Badge>
  );
}
