import { PASSWORD } from './support/accounts';
import { chromiumAvailable, screenshot, seriousViolations } from './support/chromium';
import { logIn, newPage as pageIn } from './support/console';
import { consoleSuite } from './support/suite';

const run = chromiumAvailable() ? describe : describe.skip;
// A build, an api process and a browser on a shared 2-core machine: generous limits, no timing asserted.
jest.setTimeout(300_000);

run('web console in Chromium: served by the api, login, forced password change, 任务台账', () => {
  const suite = consoleSuite([]);

  const newPage = (width?: number) => pageIn(suite.browser, width);

  it('given the built console, when a browser opens / or a console path, then index.html; an api path never answers HTML', async () => {
    const html = { Accept: 'text/html' };
    const home = await fetch(`${suite.baseUrl}/`, { headers: html });
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(await home.text()).toContain('<div id="root">');
    expect((await fetch(`${suite.baseUrl}/ledger`, { headers: html })).headers.get('content-type')).toMatch(
      /text\/html/,
    );

    const unknown = await fetch(`${suite.baseUrl}/api/nothing-here`, { headers: html });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/application\/json/);
    const board = await fetch(`${suite.baseUrl}/board`, { headers: html });
    expect(board.status).toBe(401);
    expect(board.headers.get('content-type')).toMatch(/application\/json/);
    const asset = await fetch(`${suite.baseUrl}/assets/missing.js`);
    expect(asset.status).toBe(404);
    expect(asset.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
  });

  it('given the login page, then it names the product, labels 用户名 and 密码, has a 登录 button and no serious axe violation', async () => {
    const page = await newPage();
    await page.goto(suite.baseUrl + '/');
    await page.getByRole('heading', { name: '无废城市' }).waitFor();
    await page.getByLabel('用户名').waitFor();
    await page.getByLabel('密码').waitFor();
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    await screenshot(page, 'login');
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByLabel('用户名').fill('nobody');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    // The api's Chinese refusal on the password field; nothing English.
    await page.locator('#password_help, .ant-form-item-explain-error').first().waitFor();
    expect(await page.locator('.ant-form-item-explain-error').first().innerText()).toMatch(/[\u4e00-\u9fff]/);
    await page.context().close();
  });

  it('given a new office account, when it logs in with its one-time password, then it must 修改密码 first and then sees 任务台账 with lights as text', async () => {
    const temporary = await suite.accounts.create('office.wang', '王主任', 'office');
    const page = await newPage();
    await logIn(page, suite.baseUrl + '/ledger', 'office.wang', temporary);

    await page.getByRole('heading', { name: '修改密码' }).waitFor();
    await page.getByLabel('当前密码').fill(temporary);
    await page.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await page.getByLabel('确认新密码').fill(PASSWORD);
    await page.getByRole('button', { name: '修改密码', exact: true }).click();

    await page.getByRole('heading', { name: '任务台账' }).waitFor();
    await page.getByRole('link', { name: 'A-6', exact: true }).waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThanOrEqual(35); // header + 34 tasks
    await page.getByText('未交办').first().waitFor();
    await page.getByRole('navigation', { name: '主菜单' }).getByText('任务台账').waitFor();
    await screenshot(page, 'board');
    expect(await seriousViolations(page)).toEqual([]);

    // A task not yet assigned shows its plan row, and the office can 交办 it from there.
    await page.getByRole('link', { name: 'A-7', exact: true }).click();
    await page.getByText('任务 A-7 尚未交办').waitFor();
    await page.getByText('牵头单位').waitFor();
    await page.getByRole('button', { name: '交办', exact: true }).click();
    await page.getByRole('heading', { name: '交办 A-7' }).waitFor();
    await page.context().close();
  });

  it('given a signed-in session, when the page reloads, then the session is renewed silently from the HttpOnly cookie; 退出 ends it', async () => {
    await suite.accounts.ready('leader.li', '李区长', 'leader');
    const page = await newPage();
    await logIn(page, suite.baseUrl + '/', 'leader.li');
    await page.getByRole('heading', { name: '总览' }).waitFor();
    // The refresh token is an HttpOnly cookie for /auth only; the page's storage holds no token.
    const cookies = await page.context().cookies();
    expect(cookies.filter((c) => c.httpOnly && c.path === '/auth' && c.sameSite === 'Strict')).toHaveLength(1);
    expect(String(await page.evaluate('JSON.stringify(localStorage)'))).not.toMatch(/leader\.li\.|eyJ/);
    await page.reload();
    await page.getByRole('heading', { name: '总览' }).waitFor();
    expect(await page.getByLabel('用户名').count()).toBe(0);
    // 退出 ends the session: a reload shows the login page again.
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('用户名').waitFor();
    await page.reload();
    await page.getByLabel('用户名').waitFor();
    await page.context().close();
  });
});
