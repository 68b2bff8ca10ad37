/** Page steps shared by the browser suites: what a person does, by the labels they read. */
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from './accounts';

/**
 * A fresh browser context (its own cookies) at a desktop or phone width, in Chinese. Each step
 * may wait a generous minute: the page is driven beside other CPU-heavy work on 2 cores.
 */
export async function newPage(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

/** Opens `url` and fills the login form as a person does; what comes next (the page, a forced password change) is the caller's. */
export async function logIn(page: Page, url: string, username: string, password = PASSWORD): Promise<void> {
  await page.goto(url);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

export async function openAs(browser: Browser, baseUrl: string, username: string, width = 1280): Promise<Page> {
  const page = await newPage(browser, width);
  await logIn(page, baseUrl + '/', username);
  // The signed-in frame's top bar (退出 sits in the folded menu on a phone).
  await page.locator('header').waitFor();
  return page;
}

/** Opens a modal by its button, fills its labelled fields, submits, and waits for the success message. */
export async function command(page: Page, button: string, fields: Record<string, string>, done: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).first().click();
  const dialog = page.getByRole('dialog', { name: button });
  await dialog.waitFor();
  for (const [label, value] of Object.entries(fields)) await dialog.getByLabel(label).fill(value);
  await dialog.getByRole('button', { name: '提交' }).click();
  await page.getByText(done).first().waitFor();
}

/** 用户管理 → 新建用户 as the admin fills it: user name, name and the role by its Chinese label. */
export async function createAccount(page: Page, username: string, displayName: string, role: string): Promise<void> {
  await page.getByRole('heading', { name: '用户管理' }).waitFor();
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.getByRole('dialog', { name: '新建用户' });
  await dialog.getByLabel('用户名').fill(username);
  await dialog.getByLabel('姓名').fill(displayName);
  await dialog.getByLabel('角色').click({ force: true });
  await page.getByTitle(role, { exact: true }).click();
  await dialog.getByRole('button', { name: '提交' }).click();
}

/** The one-time password in the dialog titled with `loginName`, read, then closed by 我已记下. */
export async function oneTimePassword(page: Page, loginName: string): Promise<string> {
  const shown = page.getByRole('dialog', { name: `${loginName} 的一次性密码` });
  const password = (await shown.locator('code').innerText()).trim();
  await shown.getByRole('button', { name: '我已记下' }).click();
  return password;
}
