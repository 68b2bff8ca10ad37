import { useQuery } from '@tanstack/react-query';
import { Alert, Timeline, Typography } from 'antd';
import { api, unwrap } from '../../api/client';
import type { AuditEntry } from '../../api/responses';

const ROLE_NAMES: Record<string, string> = { office: '无废办', leader: '区领导', admin: '系统管理员', system: '系统' };

/** 办理记录 from the audit trail: who, what, when, old → new; the hash chain's check stated. */
export function TaskTimeline({ code, revision }: { code: string; revision: string }) {
  const trail = useQuery({
    queryKey: ['task', code, 'trail', revision],
    queryFn: () => unwrap(api.GET('/tasks/{code}/audit-trail', { params: { path: { code } } })),
  });
  if (trail.error) return <Alert type="error" showIcon message={trail.error.message} />;
  if (!trail.data) return null;
  return (
    <>
      <Typography.Paragraph type="secondary">防篡改校验：{trail.data.chain.result}</Typography.Paragraph>
      <Timeline items={[...trail.data.entries].reverse().map((entry) => ({ children: <Entry entry={entry} /> }))} />
    </>
  );
}

function Entry({ entry }: { entry: AuditEntry }) {
  const who = entry.actor.department ?? ROLE_NAMES[entry.actor.role] ?? entry.actor.role;
  return (
    <div>
      <Typography.Text strong>{entry.action}</Typography.Text>
      <Typography.Text type="secondary">
        {'  '}
        {shanghaiTime(entry.occurredAt)} · {who}（{entry.actor.id}）
      </Typography.Text>
      {entry.changes.length > 0 && (
        <ul style={{ margin: '4px 0 0', paddingLeft: 18 }}>
          {entry.changes.map((c, i) => (
            <li key={i}>
              {c.field}：{c.from ?? '—'} → {c.to ?? '—'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The api writes instants in Shanghai time (+08:00): shown as written, whatever the browser's zone. */
export function shanghaiTime(instant: string): string {
  return instant.slice(0, 16).replace('T', ' ');
}
