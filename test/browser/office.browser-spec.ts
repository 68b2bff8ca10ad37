import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PASSWORD } from './support/accounts';
import { chromiumAvailable, screenshot, seriousViolations, until } from './support/chromium';
import { command } from './support/console';
import { consoleSuite } from './support/suite';
import { ROOT } from './support/web-stack';

const run = chromiumAvailable() ? describe : describe.skip;
// A build, an api process and a browser on a shared 2-core machine: generous limits, no timing asserted.
jest.setTimeout(300_000);
const ECO = '连云生态环境局';
const CITY = '区城管局';
const PLAN = JSON.parse(readFileSync(join(ROOT, 'libs/plan/data/lianyun-2022-2025.json'), 'utf8')) as {
  tasks: { code: string; text: string }[];
};

/** The plan file as an office would edit it: one task's wording changed (or broken, for a refusal). */
function planFile(edit: (task: { code: string; text: string }) => object): Buffer {
  const plan = { ...PLAN, tasks: PLAN.tasks.map((t) => (t.code === 'D-7' ? edit(t) : t)) };
  return Buffer.from(JSON.stringify(plan));
}

/** The menu entry of the office's pages, as a person finds it. */
const openMenu = (page: Page, label: string) =>
  page.getByRole('navigation', { name: '主菜单' }).getByText(label, { exact: true }).click();

/** Picks a name in an antd Select by its label: names are chosen from the plan, never typed. */
async function choose(page: Page, scope: Page | ReturnType<Page['getByRole']>, label: string, option: string) {
  await scope.getByLabel(label).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  await page.keyboard.press('Escape');
  // The list fades out before antd hides it; an accessibility check made meanwhile would judge
  // the closing list's options (their colours mid-fade, `aria-selected` outside a listbox).
  await until(page, `!document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`);
}

/** One action, one message: exactly one notice is on screen once the action's message appears. */
async function oneMessage(page: Page, text: string): Promise<void> {
  await page.locator('.ant-message-notice', { hasText: text }).waitFor();
  expect(await page.locator('.ant-message-notice').count()).toBe(1);
}

run('the office in Chromium: 计划导入, 新增任务, 改派, 撤销, 延期审批', () => {
  const suite = consoleSuite([
    ['office.chen', '陈主任', 'office'],
    ['eco.zhang', '张科长', 'department', ECO],
  ]);
  let created = '';

  it('given the office on 计划导入, when it uploads a broken plan, then nothing is imported and each problem names its row and field; a good plan shows the report before and after', async () => {
    const page = await suite.openAs('office.chen');
    await openMenu(page, '计划导入');
    await page.getByRole('heading', { name: '计划导入' }).waitFor();
    await page.getByText(/^当前计划的校验报告（导入前）/).waitFor();
    const upload = page.locator('input[type=file]');

    await upload.setInputFiles({
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: planFile((t) => ({ ...t, code: 'D7' })),
    });
    await page.getByText('待导入文件').waitFor();
    await page.getByRole('button', { name: '校验并导入' }).click();
    await page.getByText('文件未通过校验，未导入任何内容').waitFor();
    const problem = page.getByRole('row', { name: /任务清单第34行/ });
    await problem.getByRole('cell', { name: '编号', exact: true }).waitFor();
    await screenshot(page, 'plan-import-refused');

    await upload.setInputFiles({
      name: '任务清单.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('x'),
    });
    await page.getByRole('button', { name: '校验并导入' }).click();
    await page.getByText('文件未通过校验，未导入任何内容').waitFor();
    await page.getByRole('cell', { name: '表格文件' }).first().waitFor();

    await upload.setInputFiles({
      name: 'plan.json',
      mimeType: 'application/json',
      buffer: planFile((t) => ({ ...t, text: `${t.text}（含岸线）` })),
    });
    await page.getByRole('cell', { name: 'lianyun-2022-2025' }).waitFor();
    // Picking the file runs the server's dry run: what an import would do, with the file's report, nothing appended yet.
    await page.getByText('校验完成，尚未导入：导入将新增 0 项，修订 1 项，撤回 0 项').waitFor();
    await page.getByText(/^导入前（校验结果）：无错误，\d+ 个警告，\d+ 个提示$/).waitFor();
    await page.getByRole('columnheader', { name: '导入后（预计）' }).waitFor();
    await screenshot(page, 'plan-import-checked');
    await page.getByRole('button', { name: '校验并导入' }).click();
    await page.getByText('导入成功：新增 0 项，修订 1 项，撤回 0 项').waitFor();
    await page.getByRole('columnheader', { name: '导入前' }).waitFor();
    await page.getByRole('columnheader', { name: '导入后', exact: true }).waitFor();
    await page.getByText(/^导入后的校验报告：无错误，\d+ 个警告，\d+ 个提示$/).waitFor();
    // The dry run's report gave way to the import's.
    expect(await page.getByText(/^导入前（校验结果）/).count()).toBe(0);
    await screenshot(page, 'plan-import');
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('given the office on 新增任务, when it picks a 体系 and the lead from the plan, then the task is created, 交办 and awaits 签收', async () => {
    const page = await suite.openAs('office.chen');
    await openMenu(page, '新增任务');
    await page.getByRole('heading', { name: '新增任务' }).waitFor();
    await choose(page, page, '体系', '监管体系建设');
    created = await page.getByLabel('任务编号').inputValue();
    expect(created).toBe('D-8');
    await page.getByLabel('领域').fill('专项行动');
    await page.getByLabel('任务清单').fill('开展海岸带固体废物清理行动');
    await page.getByLabel('时间').fill('2023');
    await choose(page, page, '牵头单位', ECO);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'add-task');
    await page.getByRole('button', { name: '新增并交办' }).click();
    await page.getByRole('heading', { name: /^D-8 / }).waitFor();
    await page.getByText('待签收').first().waitFor();
    await page.context().close();
  });

  it('given A-6 交办, when the office 改派 it to add a cooperating department, then a stale version reloads keeping the reason, one message once done and the new department awaits 签收; 撤销 closes the new task', async () => {
    const office = await suite.accounts.login('office.chen', PASSWORD);
    await suite.accounts.json('POST', '/tasks/A-6/assignment', {}, office.accessToken);
    const page = await suite.openAs('office.chen');
    await page.goto(`${suite.baseUrl}/task/A-6`);
    await page.getByRole('heading', { name: /^A-6 / }).waitFor();
    await page.getByRole('button', { name: '改派', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '改派' });
    await choose(page, dialog, '配合单位', CITY);
    await dialog.getByLabel('改派理由').fill('职责调整，增加配合单位');
    expect(await seriousViolations(page)).toEqual([]);
    // Meanwhile the lead 签收 from its own session: the version the office read is now stale.
    const eco = await suite.accounts.login('eco.zhang', PASSWORD);
    await suite.accounts.json('POST', '/tasks/A-6/acknowledgements', undefined, eco.accessToken);
    await dialog.getByRole('button', { name: '提交' }).click();
    await oneMessage(page, '任务已被他人更新，已重新加载，请核对后再提交');
    expect(await dialog.getByLabel('改派理由').inputValue()).toBe('职责调整，增加配合单位');
    await dialog.getByRole('button', { name: '提交' }).click();
    await oneMessage(page, '任务已改派');
    await page.getByText(`${CITY}（配合）`).waitFor();
    await screenshot(page, 'task-reassigned');

    await page.goto(`${suite.baseUrl}/task/${created}`);
    await page.getByRole('heading', { name: new RegExp(`^${created} `) }).waitFor();
    await page.getByRole('button', { name: '撤销', exact: true }).click();
    const cancel = page.getByRole('dialog', { name: '撤销' });
    await cancel.getByText(`撤销后任务 ${created} 不再办理，也不能恢复。`).waitFor();
    await cancel.getByLabel('撤销理由').fill('已并入 D-7');
    await cancel.getByRole('button', { name: '提交' }).click();
    await oneMessage(page, '任务已撤销');
    await page.getByText('已撤销').first().waitFor();
    await page.getByRole('button', { name: '撤销', exact: true }).waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('given the lead asks for more time on A-6, when the office opens 延期审批 from the task page and 同意, then the request leaves the list', async () => {
    const eco = await suite.accounts.login('eco.zhang', PASSWORD);
    const body = { reason: '清单编制需补充调研', newDueDate: '2024-06-30' };
    await suite.accounts.json('POST', '/tasks/A-6/extensions', body, eco.accessToken);

    const page = await suite.openAs('office.chen');
    await page.goto(`${suite.baseUrl}/task/A-6`);
    await page.getByRole('link', { name: '延期审批' }).click();
    await page.getByRole('heading', { name: '延期审批' }).waitFor();
    await page.getByText('只显示任务 A-6 的延期申请').waitFor();
    const row = page.getByRole('row', { name: /A-6/ });
    await row.getByRole('cell', { name: '清单编制需补充调研' }).waitFor();
    await row.getByRole('cell', { name: '2024-06-30' }).waitFor();
    await screenshot(page, 'extensions');
    expect(await seriousViolations(page)).toEqual([]);
    await command(page, '同意延期', { 审批意见: '同意' }, '已同意延期');
    await page.getByText('暂无待审批的延期申请').waitFor();
    await page.context().close();
  });
});
