import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type NotificationsPage = components['schemas']['NotificationsPageDto'];

/** The inbox's first page; the header's unread count reads the same query, refreshed each minute. */
export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: () => unwrap(api.GET('/me/notifications', { params: { query: { limit: 50 } } })),
    refetchInterval: 60_000,
  });
}

/** The header badge's text: a number up to 99, then 99+; nothing when all is read. */
export function unreadText(unread: number): string | undefined {
  if (unread <= 0) return undefined;
  return unread > 99 ? '99+' : String(unread);
}
