import { describe, expect, it } from 'vitest';
import consolePaths from '../../console-paths.json';
import { PAGES } from '../pages';
import { homeFor, mayOpen, menuFor, type PageEntry } from './menu';

const pages: PageEntry[] = [
  { path: '/todo', label: '我的待办', roles: ['department'], inMenu: true },
  { path: '/ledger', label: '任务台账', roles: ['office', 'leader', 'department'], inMenu: true },
  { path: '/task/:code', label: '任务详情', roles: ['office', 'department'], inMenu: false },
  { path: '/accounts', label: '用户管理', roles: ['admin'], inMenu: true },
  { path: '/dashboard', label: '总览', roles: ['leader', 'office'], inMenu: true, home: ['leader'] },
];

describe('role-based menu', () => {
  it('given a department clerk, then the menu holds its pages in order and home is 我的待办', () => {
    expect(menuFor('department', pages).map((p) => p.label)).toEqual(['我的待办', '任务台账']);
    expect(homeFor('department', pages)).toBe('/todo');
  });

  it('given an admin, then only 用户管理; a leader lands on 总览, the office on 任务台账', () => {
    expect(menuFor('admin', pages).map((p) => p.label)).toEqual(['用户管理']);
    expect(homeFor('leader', pages)).toBe('/dashboard');
    expect(homeFor('office', pages)).toBe('/ledger');
  });

  it('given a path with a parameter, then mayOpen follows the roles of its page', () => {
    expect(mayOpen('department', '/task/A-6', pages)).toBe(true);
    expect(mayOpen('leader', '/task/A-6', pages)).toBe(false);
    expect(mayOpen('department', '/accounts', pages)).toBe(false);
  });

  it('given the real page table, then every page is under a segment the api serves index.html for', () => {
    for (const page of PAGES) expect(consolePaths.segments).toContain(page.path.split('/')[1]);
  });
});
