import type { SessionUser } from '../auth/session';

export type Role = SessionUser['role'];

/** A page of the console: its path, menu label and who may open it. */
export interface PageEntry {
  path: string;
  label: string;
  roles: readonly Role[];
  /** Shown in the side menu (task pages are reached from lists, not the menu). */
  inMenu: boolean;
  /** The roles that land here after login (else a role lands on its first menu page). */
  home?: readonly Role[];
}

/** The menu of a role: the pages it may open, in the table's order. */
export function menuFor(role: Role, pages: readonly PageEntry[]): PageEntry[] {
  return pages.filter((page) => page.inMenu && page.roles.includes(role));
}

/** Where each role lands after login: its day's work first. */
export function homeFor(role: Role, pages: readonly PageEntry[]): string {
  const menu = menuFor(role, pages);
  return (menu.find((page) => page.home?.includes(role)) ?? menu[0])?.path ?? '/login';
}

export function mayOpen(role: Role, path: string, pages: readonly PageEntry[]): boolean {
  return pages.some((page) => page.roles.includes(role) && matches(page.path, path));
}

function matches(pattern: string, path: string): boolean {
  const a = pattern.split('/');
  const b = path.split('/');
  return a.length === b.length && a.every((part, i) => part.startsWith(':') || part === b[i]);
}
