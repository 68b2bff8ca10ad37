import { PASSWORD } from './support/accounts';
import { chromiumAvailable, screenshot, seriousViolations } from './support/chromium';
import { command, createAccount, logIn, newPage, oneTimePassword } from './support/console';
import { consoleSuite } from './support/suite';

const run = chromiumAvailable() ? describe : describe.skip;
// A build, an api process and a browser on a shared 2-core machine: generous limits, no timing asserted.
jest.setTimeout(300_000);
const ECO = '连云生态环境局';
const ECON = '区经发局';
const PDF_NAME = '一般工业固废清单.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

run('the whole A-6 flow with the mouse in Chromium: 交办 → 签收 → 完成里程碑 → 会签 → 办结', () => {
  const suite = consoleSuite([
    ['eco.zhang', '张科长', 'department', ECO],
    ['econ.li', '李科长', 'department', ECON],
    ['other.zhao', '赵科长', 'department', '区城管局'],
    ['leader.li', '李区长', 'leader'],
  ]);

  it('given the admin, when it creates the office account in 用户管理, then the one-time password is shown once and must be changed at first login', async () => {
    const admin = await suite.openAs('admin');
    await createAccount(admin, 'office.wang', '王主任', '无废办');
    const oneTime = await oneTimePassword(admin, 'office.wang');
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    await admin.getByRole('cell', { name: 'office.wang' }).waitFor();
    await admin.context().close();

    const office = await newPage(suite.browser);
    await logIn(office, suite.baseUrl + '/', 'office.wang', oneTime);
    await office.getByLabel('当前密码').fill(oneTime);
    await office.getByLabel('新密码', { exact: true }).fill(PASSWORD);
    await office.getByLabel('确认新密码').fill(PASSWORD);
    await office.getByRole('button', { name: '修改密码', exact: true }).click();
    await office.getByRole('heading', { name: '任务台账' }).waitFor();
    await office.context().close();
  });

  it('given the office, when it 交办 A-6 from the plan row, then the task page shows 待签收 and the timeline records it', async () => {
    const page = await suite.openAs('office.wang');
    await page.goto(`${suite.baseUrl}/assign/A-6`);
    await page.getByRole('heading', { name: '交办 A-6' }).waitFor();
    // Prefilled from the plan row: the departments are picked, not typed.
    await page.getByText(ECO).first().waitFor();
    await page.getByText(ECON).first().waitFor();
    await page.getByRole('button', { name: '交办', exact: true }).click();
    await page.getByRole('heading', { name: /^A-6 / }).waitFor();
    await page.getByText('待签收').first().waitFor();
    await page.getByText('交办任务').first().waitFor();
    await page.context().close();
  });

  it('given A-6 交办, then the lead has an unread 通知 in the header; reading them all clears the count', async () => {
    const eco = await suite.openAs('eco.zhang');
    await eco.getByRole('button', { name: /^通知，\d+ 条未读$/ }).click();
    await eco.getByRole('heading', { name: '通知' }).waitFor();
    await eco.getByRole('link', { name: 'A-6', exact: true }).first().waitFor();
    await eco.getByRole('button', { name: '全部标为已读' }).click();
    await eco.getByRole('button', { name: '通知', exact: true }).waitFor();
    await eco.context().close();
  });

  it('given the lead at phone width, when it 签收 from 我的待办, then the item leaves the list; another department never sees A-6', async () => {
    const phone = await suite.openAs('eco.zhang', 375);
    await phone.getByRole('heading', { name: '我的待办' }).waitFor();
    const item = phone.locator('[data-code="A-6"]');
    await item.getByRole('button', { name: '签收' }).waitFor();
    await screenshot(phone, 'todo-phone');
    expect(await seriousViolations(phone)).toEqual([]);
    await item.getByRole('button', { name: '签收' }).click();
    await phone.getByText('A-6 已签收').waitFor();
    await item.getByRole('button', { name: '签收' }).waitFor({ state: 'detached' });
    await phone.context().close();

    const other = await suite.openAs('other.zhao');
    await other.getByRole('heading', { name: '我的待办' }).waitFor();
    await other
      .getByText(/暂无待办事项|待签收/)
      .first()
      .waitFor();
    expect(await other.locator('[data-code="A-6"]').count()).toBe(0);
    await other.context().close();

    const econ = await suite.openAs('econ.li');
    await econ.locator('[data-code="A-6"]').getByRole('button', { name: '签收' }).click();
    await econ.getByText('A-6 已签收').waitFor();
    await econ.context().close();
  });

  it('given the task changed after the page was read, when the lead submits 报送进展, then a 409 reloads the task and keeps the text typed; submitting again succeeds', async () => {
    const eco = await suite.openAs('eco.zhang');
    await eco.goto(`${suite.baseUrl}/task/A-6`);
    await eco.getByRole('button', { name: '报送进展', exact: true }).click();
    const dialog = eco.getByRole('dialog', { name: '报送进展' });
    await dialog.getByLabel('进展情况').fill('已完成清单初稿');
    await dialog.getByLabel('完成比例（%）').fill('60');
    // Meanwhile a colleague reports from another session: the page's version is now stale.
    const { accessToken } = await suite.accounts.login('eco.zhang', PASSWORD);
    await suite.accounts.json('POST', '/tasks/A-6/progress-reports', { text: '同事报送', percent: 50 }, accessToken);
    await dialog.getByRole('button', { name: '提交' }).click();
    await eco.getByText('任务已被他人更新，已重新加载，请核对后再提交').waitFor();
    expect(await dialog.getByLabel('进展情况').inputValue()).toBe('已完成清单初稿');
    await eco.getByText('报送进展').first().waitFor();
    await dialog.getByRole('button', { name: '提交' }).click();
    await eco.getByText('进展已报送').waitFor();
    await eco.context().close();
  });

  it('given both 签收, when the lead completes the milestone with 佐证材料 and 提交会签, and the cooperating department 会签同意, then the office 办结', async () => {
    const eco = await suite.openAs('eco.zhang');
    await eco.goto(`${suite.baseUrl}/task/A-6`);
    await eco.getByRole('heading', { name: /^A-6 / }).waitFor();
    expect(await seriousViolations(eco)).toEqual([]);
    await eco.getByRole('button', { name: '完成里程碑', exact: true }).click();
    const dialog = eco.getByRole('dialog', { name: '完成里程碑' });
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText(`文件：${PDF_NAME}`).waitFor();
    await dialog.getByLabel('文号或链接').fill('连环发〔2023〕12号');
    await dialog.getByRole('button', { name: '添加' }).click();
    await dialog.getByRole('button', { name: '提交' }).click();
    await eco.getByText('里程碑“完成任务”已完成').waitFor();
    // The evidence is a real file: it downloads with the lead's session under its Chinese name.
    const [download] = await Promise.all([
      eco.waitForEvent('download'),
      eco.getByRole('button', { name: PDF_NAME }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(PDF_NAME);
    await command(eco, '提交会签', { 说明: '清单已印发' }, '已提交会签');
    await screenshot(eco, 'task');
    await eco.context().close();

    const econ = await suite.openAs('econ.li');
    await econ.getByRole('heading', { name: '我的待办' }).waitFor();
    await econ.locator('[data-code="A-6"]').getByRole('button', { name: '去会签' }).click();
    await command(econ, '会签同意', { 会签意见: '同意' }, '已会签同意');
    await econ.context().close();

    const office = await suite.openAs('office.wang');
    await office.goto(`${suite.baseUrl}/task/A-6`);
    await command(office, '办结', { 办结意见: '按期完成' }, '任务已办结');
    await office.getByText('已办结').first().waitFor();
    await office.context().close();
  });

  it('given A-6 办结, then the leader lands on 总览 showing it done, and the board row reads 已办结 with its light as text', async () => {
    const leader = await suite.openAs('leader.li');
    await leader.getByRole('heading', { name: '总览' }).waitFor();
    const accepted = leader.locator('.ant-statistic', { hasText: '已办结' }).locator('.ant-statistic-content-value');
    await accepted.getByText('1', { exact: true }).waitFor();
    await leader.getByRole('img', { name: /各体系任务数量/ }).waitFor();
    await screenshot(leader, 'dashboard');
    expect(await seriousViolations(leader)).toEqual([]);

    await leader.locator('.ant-card', { hasText: '已办结' }).first().click();
    await leader.getByRole('heading', { name: '任务台账' }).waitFor();
    const row = leader.getByRole('row', { name: /A-6/ });
    await row.getByText('已办结').waitFor();
    expect(await row.innerText()).toMatch(/红|黄|绿|已办结/);
    await leader.context().close();
  });

  it('given the history, then 考核排名 states its rule and ranks the departments, and 期限日历 opens on the service month with A-6', async () => {
    const leader = await suite.openAs('leader.li');
    await leader.getByRole('navigation', { name: '主菜单' }).getByText('考核排名').click();
    await leader.getByText(/^排名规则：/).waitFor();
    await leader.getByRole('cell', { name: ECO }).waitFor();
    await leader.getByRole('navigation', { name: '主菜单' }).getByText('期限日历').click();
    await leader.getByRole('heading', { name: '期限日历' }).waitFor();
    await leader.getByText(/^A-6 /).first().waitFor();
    await leader.context().close();
  });
});
