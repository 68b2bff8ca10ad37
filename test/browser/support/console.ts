/** Page steps shared by the browser suites: what a person does, by the labels they read. */
import type { Browser, Page } from 'playwright-core';
import { PASSWORD } from './accounts';

export async function openAs(browser: Browser, baseUrl: string, username: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 800 }, locale: 'zh-CN' });
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  await page.goto(baseUrl + '/');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
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
