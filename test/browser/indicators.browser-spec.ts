import { PASSWORD } from './support/accounts';
import { chromiumAvailable, screenshot, seriousViolations } from './support/chromium';
import { command } from './support/console';
import { consoleSuite } from './support/suite';

const run = chromiumAvailable() ? describe : describe.skip;
// A build, an api process and a browser on a shared 2-core machine: generous limits, no timing asserted.
jest.setTimeout(300_000);
const ECO = '连云生态环境局';
const PDF_NAME = '2023年环境统计年报.pdf';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');

run('指标报送 and 指标确认, 单位责任 and the 期限日历 subscription in Chromium', () => {
  const suite = consoleSuite(
    [
      ['office.wang', '王主任', 'office'],
      ['eco.zhang', '张科长', 'department', ECO],
    ],
    // A-6 交办 with the plan's defaults, so the department has work to be accountable for.
    async (accounts) => {
      const { accessToken } = await accounts.login('office.wang', PASSWORD);
      await accounts.json('POST', '/tasks/A-6/assignment', {}, accessToken);
    },
  );

  it('given the department, when it 报送 indicator 14 for 2023 with a PDF, then the office finds it in 指标确认 and 确认 it', async () => {
    const eco = await suite.openAs('eco.zhang');
    await eco.getByRole('navigation', { name: '主菜单' }).getByText('指标报送').click();
    await eco.getByRole('heading', { name: '指标报送' }).waitFor();
    await eco.getByRole('link', { name: '工业危险废物综合利用率', exact: true }).waitFor();
    expect(await seriousViolations(eco)).toEqual([]);
    await eco.getByRole('button', { name: '报送指标 14' }).click();
    await eco.getByRole('heading', { name: '指标 14：工业危险废物综合利用率' }).waitFor();
    await eco.getByRole('button', { name: '报送', exact: true }).click();
    const dialog = eco.getByRole('dialog', { name: '报送' });
    await dialog.getByLabel('数值（%）').fill('6.5');
    await dialog.getByLabel('数据来源').fill('2023年环境统计年报');
    await dialog
      .locator('input[type=file]')
      .setInputFiles({ name: PDF_NAME, mimeType: 'application/pdf', buffer: PDF });
    await dialog.getByText(`文件：${PDF_NAME}`).waitFor();
    await screenshot(eco, 'indicator-report-form');
    expect(await seriousViolations(eco)).toEqual([]);
    await dialog.getByRole('button', { name: '提交' }).click();
    await eco.getByText('指标 14 2023 已报送，待无废办确认').waitFor();
    const row = eco.getByRole('row', { name: /6\.5%/ });
    await row.getByText('待确认').waitFor();
    await row.getByRole('button', { name: PDF_NAME }).waitFor();
    await eco.context().close();

    const office = await suite.openAs('office.wang');
    await office.getByRole('navigation', { name: '主菜单' }).getByText('指标确认').click();
    await office.getByRole('heading', { name: '指标确认' }).waitFor();
    await office.getByText(`${ECO} 2023`).waitFor();
    expect(await seriousViolations(office)).toEqual([]);
    await office.locator('[data-code="indicator:14"]').getByRole('button', { name: '去确认' }).click();
    await office.getByRole('heading', { name: /^指标 14：/ }).waitFor();
    await screenshot(office, 'indicator-review');
    expect(await seriousViolations(office)).toEqual([]);
    await command(office, '确认', { 确认意见: '与统计年报一致' }, `已确认${ECO} 2023 的报送`);
    await office.getByRole('row', { name: /6\.5%/ }).getByText('已确认').waitFor();
    await office.getByText('6.5%（2023）').waitFor();
    await office.getByRole('navigation', { name: '主菜单' }).getByText('指标确认').click();
    await office.getByText('暂无待确认的指标报送').waitFor();
    await office.context().close();
  });

  it('given A-6 交办, then the department sees its 单位责任 with A-6 to 签收; the office picks the department and sees the same', async () => {
    const eco = await suite.openAs('eco.zhang');
    await eco.getByRole('navigation', { name: '主菜单' }).getByText('单位责任').click();
    await eco.getByRole('heading', { name: `单位责任：${ECO}` }).waitFor();
    await eco.getByRole('heading', { name: '待签收（1）' }).waitFor();
    await eco.getByRole('link', { name: 'A-6', exact: true }).first().waitFor();
    await eco.getByText('牵头任务', { exact: true }).first().waitFor();
    await screenshot(eco, 'accountability');
    expect(await seriousViolations(eco)).toEqual([]);
    await eco.context().close();

    const office = await suite.openAs('office.wang');
    await office.getByRole('navigation', { name: '主菜单' }).getByText('单位责任').click();
    await office.getByText('请选择单位').waitFor();
    await office.getByRole('combobox', { name: '单位' }).click();
    await office.getByTitle(ECO, { exact: true }).click();
    await office.getByRole('heading', { name: `单位责任：${ECO}` }).waitFor();
    await office.getByRole('heading', { name: '待签收（1）' }).waitFor();
    expect(await seriousViolations(office)).toEqual([]);
    await office.context().close();
  });

  it('given the department on 期限日历, when it 生成订阅链接, then the iCal link is shown once with its explanation, serves the calendar without login, and 停用 ends it', async () => {
    const eco = await suite.openAs('eco.zhang');
    await eco.getByRole('navigation', { name: '主菜单' }).getByText('期限日历').click();
    await eco.getByRole('heading', { name: '期限日历' }).waitFor();
    await eco.getByText(/订阅链接本身就是凭证/).waitFor();
    await eco.getByRole('button', { name: '生成订阅链接' }).click();
    await eco.getByText('订阅链接已生成（只显示这一次，请复制保存）').waitFor();
    const url = (await eco.getByTestId('feed-url').innerText()).trim();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/calendar\/feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    await eco.getByRole('button', { name: '复制链接' }).waitFor();
    // Nothing wider than the window: the page never scrolls sideways (the menu would slide away).
    const overflowing = await eco.evaluate(
      `[...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right + window.scrollX > document.documentElement.clientWidth + 1).slice(0, 5).map((e) => e.tagName + '.' + e.className)`,
    );
    expect(overflowing).toEqual([]);
    await screenshot(eco, 'calendar-feed');
    expect(await seriousViolations(eco)).toEqual([]);

    const ics = await fetch(url);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);
    expect(await ics.text()).toMatch(/BEGIN:VCALENDAR[\s\S]*A-6/);

    await eco.getByRole('button', { name: '停用' }).click();
    await eco.getByRole('button', { name: '停用', exact: true }).last().click();
    await eco.getByText('订阅链接已停用').waitFor();
    await eco.getByText(/^生成于 .*已停用$/).waitFor();
    expect((await fetch(url)).status).toBe(404);
    await eco.context().close();
  });
});
