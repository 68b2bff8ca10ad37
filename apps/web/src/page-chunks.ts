import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { SessionUser } from './auth/session';
import { homeFor, mayOpen } from './layout/menu';
import { PAGES } from './pages';
import { todoQuery } from './pages/todo/todo-query';

type Chunk = () => Promise<{ default: ComponentType }>;

/**
 * Each page's code, split off the entry: the login and 我的待办 load only what they use. Started
 * early (preloadPage) where the next page is known, so its chunk loads beside the session's
 * requests instead of after them: a reopened page, or the home page while the login is answered.
 */
export const PAGE_CHUNKS: Record<string, Chunk> = {
  '/todo': () => import('./pages/todo/todo-page'),
  '/ledger': () => import('./pages/board-page'),
  '/dashboard': () => import('./pages/dashboard/dashboard-page'),
  '/task/:code': () => import('./pages/task/task-page'),
  '/accounts': () => import('./pages/accounts/accounts-page'),
  '/ranking': () => import('./pages/ranking/ranking-page'),
  '/notices': () => import('./pages/notices/notices-page'),
  '/deadlines': () => import('./pages/calendar/calendar-page'),
  '/assign/:code': () => import('./pages/assign/assign-page'),
  '/assign/new': () => import('./pages/add-task/add-task-page'),
  '/extensions': () => import('./pages/extensions/extensions-page'),
  '/import': () => import('./pages/plan-import/plan-import-page'),
  '/reporting': () => import('./pages/indicators/reporting-page'),
  '/review': () => import('./pages/indicators/review-page'),
  '/indicator/:id': () => import('./pages/indicators/indicator-page'),
  '/responsibility': () => import('./pages/accountability/accountability-page'),
};

export const LAYOUT_CHUNK = () => import('./layout/app-layout').then((m) => ({ default: m.AppLayout }));

/** Starts loading the signed-in frame and the chunk of the page at `pathname` (any role: chunks hold no data). */
export function preloadPage(pathname: string): void {
  void LAYOUT_CHUNK().catch(() => undefined);
  // '/assign/new' before '/assign/:code': the literal route wins, as in the router.
  const page = PAGES.find((p) => p.path === pathname) ?? PAGES.find((p) => mayOpen(p.roles[0]!, pathname, [p]));
  void PAGE_CHUNKS[page?.path ?? '']?.().catch(() => undefined); // a failed preload is retried by the route
}

/** What each home page reads first, asked for as soon as the session exists. */
const HOME_READS: Record<string, (queryClient: QueryClient) => Promise<void>> = {
  '/todo': (queryClient) => queryClient.prefetchQuery(todoQuery),
};

/**
 * Right after the login answer: the page the user lands on starts loading its code and its data
 * at once, in parallel, instead of code → render → request.
 */
export function prepareLanding(user: SessionUser, queryClient: QueryClient, from?: string): void {
  if (user.mustChangePassword) return;
  const target = from && mayOpen(user.role, from, PAGES) ? from : homeFor(user.role, PAGES);
  preloadPage(target);
  void HOME_READS[target]?.(queryClient);
}
