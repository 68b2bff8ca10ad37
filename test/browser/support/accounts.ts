/**
 * Accounts for browser tests, made through the api as an admin does (POST /users), each with its
 * one-time password replaced once so the test can then log in through the page.
 */
export const PASSWORD = 'Zw-浏览器测试-2023!';

export type Role = 'office' | 'department' | 'leader' | 'admin';

export class Accounts {
  private adminToken?: string;

  constructor(
    private readonly baseUrl: string,
    private readonly adminPassword: string,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string }> {
    return this.json('POST', '/auth/login', { username, password });
  }

  /** Creates the account and returns its one-time password (the admin's 用户管理 does the same). */
  async create(username: string, displayName: string, role: Role, department?: string): Promise<string> {
    this.adminToken ??= await this.adminSession();
    const body = { username, displayName, role, ...(department ? { department } : {}) };
    const created = await this.json<{ temporaryPassword: string }>('POST', '/users', body, this.adminToken);
    return created.temporaryPassword;
  }

  /** Creates the account and sets PASSWORD, as its owner would at first login. */
  async ready(username: string, displayName: string, role: Role, department?: string): Promise<void> {
    await this.own(username, await this.create(username, displayName, role, department));
  }

  /** Replaces the account's one-time password with PASSWORD, as its owner does at first login. */
  async own(username: string, temporary: string): Promise<void> {
    const { accessToken } = await this.login(username, temporary);
    await this.json('POST', '/auth/password', { currentPassword: temporary, newPassword: PASSWORD }, accessToken);
  }

  /** The bootstrap admin replaces its one-time password with PASSWORD first, as a person would. */
  private async adminSession(): Promise<string> {
    const first = await this.login('admin', this.adminPassword);
    const body = { currentPassword: this.adminPassword, newPassword: PASSWORD };
    await this.json('POST', '/auth/password', body, first.accessToken);
    return (await this.login('admin', PASSWORD)).accessToken;
  }

  async json<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
