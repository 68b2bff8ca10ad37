import type { Page } from 'playwright-core';
import { chromiumAvailable, screenshot, seriousViolations } from './support/chromium';
import { consoleSuite } from './support/suite';

const run = chromiumAvailable() ? describe : describe.skip;
// A build, an api process and a browser on a shared 2-core machine: generous limits, no timing asserted.
jest.setTimeout(300_000);
const ECO = '连云生态环境局';

/** Every accessible name written into the page (aria-label, title) that holds a Latin letter (codes aside). */
async function englishNames(page: Page): Promise<string[]> {
  const names = (await page.evaluate(
    `[...document.querySelectorAll('[aria-label], [title]')].flatMap((e) => [e.getAttribute('aria-label'), e.getAttribute('title')])`,
  )) as (string | null)[];
  return names.filter((name): name is string => !!name && /[A-Za-z]/.test(name) && !/^[A-Z]-\d+/.test(name));
}

const values = async (page: Page, label: string) =>
  Promise.all((await page.getByLabel(label).all()).map((input) => input.inputValue()));

run('交办 with its default milestones, and the console at phone width (375 px)', () => {
  const suite = consoleSuite([
    ['office.wang', '王主任', 'office'],
    ['eco.zhang', '张科长', 'department', ECO],
  ]);

  it('given A-7 (时间 2023-2025), when the office opens 交办, then one milestone per year is prefilled and an edited title is what is assigned', async () => {
    const page = await suite.openAs('office.wang');
    await page.goto(`${suite.baseUrl}/assign/A-7`);
    await page.getByRole('heading', { name: '交办 A-7' }).waitFor();
    const titles = page.getByLabel('里程碑名称');
    await titles.first().waitFor();
    expect(await values(page, '里程碑名称')).toEqual(['2023年度目标', '2024年度目标', '2025年：完成任务']);
    expect(await values(page, '到期日')).toEqual(['2023-12-31', '2024-12-31', '2025-12-31']);
    await page.getByRole('group', { name: '里程碑 1' }).getByText(ECO).waitFor();
    await titles.first().fill('2023年度目标：清单初稿');
    await screenshot(page, 'assign');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '交办', exact: true }).click();
    await page.getByRole('heading', { name: /^A-7 / }).waitFor();
    await page.getByText('2023年度目标：清单初稿').first().waitFor();
    await page.getByText('2025年：完成任务').first().waitFor();
    await page.context().close();
  });

  it('given a clerk at 375 px, then the brand and the 菜单 button are visible and uncovered, 签收 works from 我的待办, the task page and its forms are usable and named in Chinese', async () => {
    const phone = await suite.openAs('eco.zhang', 375);
    await phone.getByRole('heading', { name: '我的待办' }).waitFor();
    // The brand sits in the header, where nothing covers it; the folded menu shows nothing of it.
    const brand = phone.locator('header').getByText('无废城市', { exact: true });
    const box = (await brand.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const onTop = await phone.evaluate(`document.elementFromPoint(${x}, ${y})?.textContent`);
    expect(onTop).toBe('无废城市');
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    // A top bar, not a side margin: the page starts at the left edge, as wide as the phone.
    const title = (await phone.getByRole('heading', { name: '我的待办' }).boundingBox())!;
    expect(title.x).toBeLessThan(24);

    const item = phone.locator('[data-code="A-7"]');
    await item.getByRole('button', { name: '签收' }).waitFor();
    await screenshot(phone, 'phone-todo');
    expect(await seriousViolations(phone)).toEqual([]);
    expect(await englishNames(phone)).toEqual([]);
    await item.getByRole('button', { name: '签收' }).click();
    await phone.getByText('A-7 已签收').waitFor();

    // The folded menu opens from its button (keyboard too) and folds again once a page is chosen.
    const menu = phone.getByRole('button', { name: '菜单' });
    await menu.focus();
    await phone.keyboard.press('Enter');
    await phone.getByRole('navigation', { name: '主菜单' }).getByText('通知').click();
    await phone.getByRole('heading', { name: '通知' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await menu.click();
    await phone.getByRole('button', { name: '退出' }).waitFor();
    await screenshot(phone, 'phone-menu');
    expect(await seriousViolations(phone)).toEqual([]);
    await menu.click();

    await phone.goto(`${suite.baseUrl}/task/A-7`);
    await phone.getByRole('heading', { name: /^A-7 / }).waitFor();
    await phone.getByRole('button', { name: '完成里程碑', exact: true }).first().waitFor();
    await screenshot(phone, 'phone-task');
    expect(await seriousViolations(phone)).toEqual([]);
    await phone.getByRole('button', { name: '报送进展', exact: true }).click();
    const dialog = phone.getByRole('dialog', { name: '报送进展' });
    await dialog.getByLabel('进展情况').waitFor();
    await screenshot(phone, 'phone-task-form');
    expect(await englishNames(phone)).toEqual([]);
    await dialog.getByRole('button', { name: '关闭' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await phone.context().close();
  });
});
