import type { PageEntry } from './layout/menu';

/**
 * Every page of the console, in menu order (a role's first page is its home). Paths never equal
 * an api route's first segment: the api serves index.html only for these (console-paths.json).
 */
export const PAGES: readonly PageEntry[] = [
  { path: '/todo', label: '我的待办', roles: ['department', 'office', 'leader'], inMenu: true, home: ['department'] },
  { path: '/ledger', label: '任务台账', roles: ['office', 'leader', 'department'], inMenu: true, home: ['office'] },
  { path: '/dashboard', label: '总览', roles: ['leader', 'office'], inMenu: true, home: ['leader'] },
  { path: '/notices', label: '通知', roles: ['department', 'office', 'leader'], inMenu: true },
  { path: '/ranking', label: '考核排名', roles: ['office', 'leader'], inMenu: true },
  { path: '/deadlines', label: '期限日历', roles: ['office', 'leader', 'department'], inMenu: true },
  { path: '/reporting', label: '指标报送', roles: ['department'], inMenu: true },
  { path: '/review', label: '指标确认', roles: ['office'], inMenu: true },
  { path: '/responsibility', label: '单位责任', roles: ['department', 'office', 'leader'], inMenu: true },
  { path: '/indicator/:id', label: '指标详情', roles: ['department', 'office', 'leader'], inMenu: false },
  { path: '/task/:code', label: '任务详情', roles: ['office', 'leader', 'department'], inMenu: false },
  { path: '/accounts', label: '用户管理', roles: ['admin'], inMenu: true },
  { path: '/assign/:code', label: '交办', roles: ['office'], inMenu: false },
  { path: '/assign/new', label: '新增任务', roles: ['office'], inMenu: true },
  { path: '/extensions', label: '延期审批', roles: ['office'], inMenu: true },
  { path: '/import', label: '计划导入', roles: ['office'], inMenu: true },
];
