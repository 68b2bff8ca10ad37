import type { Role } from '@zw/domain';

/**
 * The roles a user account can hold. The domain's `Role` also has `system`, the actor of
 * what the service does by itself (seeding, bootstrap); no one logs in as `system`.
 * - office: 无废办 staff, who assign and accept tasks and import plans;
 * - department: staff of exactly one 责任单位, acting for it;
 * - leader: reads everything, changes nothing;
 * - admin: manages user accounts only, no task work.
 */
export type UserRole = Exclude<Role, 'system'>;

export const USER_ROLES = ['office', 'department', 'leader', 'admin'] as const satisfies readonly UserRole[];

export const ROLE_LABELS = {
  office: '无废办',
  department: '责任单位',
  leader: '领导',
  admin: '系统管理员',
} as const satisfies Record<UserRole, string>;

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}
