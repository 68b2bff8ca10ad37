import type { PageEntry } from './layout/menu';

/**
 * Every page of the console, in menu order (a role's first page is its home). Paths never equal
 * an api route's first segment: the api serves index.html only for these (console-paths.json).
 */
export const PAGES: readonly PageEntry[] = [
  { path: '/ledger', label: '任务台账', roles: ['office', 'leader', 'department'], inMenu: true },
];
