import type { PageEntry } from './layout/menu';

/**
 * Every page of the console, in menu order (a role's first page is its home). Paths never equal
 * an api route's first segment: the api serves index.html only for these (console-paths.json).
 */
export const PAGES: readonly PageEntry[] = [
  { path: '/todo', label: '我的待办', roles: ['department'], inMenu: true },
  { path: '/ledger', label: '任务台账', roles: ['office', 'leader', 'department'], inMenu: true },
  { path: '/dashboard', label: '总览', roles: ['leader', 'office'], inMenu: true, home: ['leader'] },
  { path: '/task/:code', label: '任务详情', roles: ['office', 'leader', 'department'], inMenu: false },
  { path: '/accounts', label: '用户管理', roles: ['admin'], inMenu: true },
  { path: '/assign/:code', label: '交办', roles: ['office'], inMenu: false },
];
