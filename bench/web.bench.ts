/**
 * Web console benchmark (`npm run bench:web`): the built console in headless Chromium against the
 * api process on the embedded default with the Lianyun plan and a history made through the api
 * (bench/web.history.ts). Measures, each a median of RUNS fresh browser contexts (cold cache):
 *  - the JavaScript the login and 我的待办 load, gzip-compressed as a proxy would send it;
 *  - navigation → login form shown, plus 登录 clicked → 我的待办 rendered with its items;
 *  - navigation → 任务台账 rendered with every task, for a signed-in office user;
 *  - the depth of the api request waterfall on both (bench/request-chain.ts: an upper bound), the
 *    worst run counting; the page's own files are reported beside it, not judged.
 * With `--screenshots` it also writes docs/screenshots/{todo,board,dashboard}.png for the README.
 * Last line: one JSON object with `targets`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { Accounts, PASSWORD } from '../test/browser/support/accounts';
import { launch } from '../test/browser/support/chromium';
import { ensureWebBuilt, ROOT, startWebStack } from '../test/browser/support/web-stack';
import { median } from './bench-util';
import { apiSpans, chainDepth, recordRequests } from './request-chain';
import { makeHistory } from './web.history';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const KIB = 1024;
const username = (department: string) => `bench.${Buffer.from(department).toString('hex').slice(0, 16)}`;

async function fresh(browser: Browser, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN' });
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

/** Logs in through the page; `ready` is what marks the landing page rendered (我的待办's items by default). */
async function login(
  page: Page,
  baseUrl: string,
  user: string,
  ready = '[data-code]',
): Promise<{ form: number; todo: number; scripts: string[]; apiDepth: number; allDepth: number }> {
  const scripts: string[] = [];
  const requests = recordRequests(page);
  page.on(
    'response',
    (r) => r.url().includes('/assets/') && r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname),
  );
  const start = performance.now();
  await page.goto(baseUrl + '/');
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  const form = performance.now() - start;
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  const clicked = performance.now();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.locator(ready).first().waitFor();
  const todo = performance.now() - clicked;
  return { form, todo, scripts, apiDepth: chainDepth(apiSpans(requests.spans)), allDepth: chainDepth(requests.spans) };
}

async function board(browser: Browser, baseUrl: string, rows: number, shot?: string) {
  const page = await fresh(browser);
  await login(page, baseUrl, 'office.bench', 'h1:has-text("任务台账")');
  // A new document: the session is renewed from its cookie, then the board is read.
  const requests = recordRequests(page);
  const start = performance.now();
  await page.goto(baseUrl + '/ledger');
  await page.getByRole('row').nth(rows).waitFor();
  const ms = performance.now() - start;
  const depth = { apiDepth: chainDepth(apiSpans(requests.spans)), allDepth: chainDepth(requests.spans) };
  if (shot) await page.screenshot({ path: shot, fullPage: false });
  await page.context().close();
  return { ms, ...depth };
}

async function main(): Promise<void> {
  const load = loadavg()[0]!;
  ensureWebBuilt();
  const stack = await startWebStack({ CLOCK_START: '2023-12-20T09:00:00+08:00' });
  let browser: Browser | undefined;
  try {
    const accounts = new Accounts(stack.baseUrl, stack.adminPassword);
    const history = await makeHistory(accounts, username);
    console.log(`history: ${JSON.stringify(history)}`);
    browser = await launch();
    const clerk = username(history.busiest);

    const logins = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await fresh(browser);
      logins.push(await login(page, stack.baseUrl, clerk));
      await page.context().close();
    }
    const scripts = [...new Set(logins.flatMap((l) => l.scripts))];
    const gzip = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(ROOT, 'dist/web', path))).length, 0);
    const loginToTodo = median(logins.map((l) => l.form + l.todo));

    const boardRuns = [];
    for (let i = 0; i < RUNS; i++) boardRuns.push(await board(browser, stack.baseUrl, history.tasks));
    const boards = boardRuns.map((b) => b.ms);
    const waterfall = {
      todoApi: Math.max(...logins.map((l) => l.apiDepth)),
      boardApi: Math.max(...boardRuns.map((b) => b.apiDepth)),
      todoAll: Math.max(...logins.map((l) => l.allDepth)),
      boardAll: Math.max(...boardRuns.map((b) => b.allDepth)),
    };
    const deepest = Math.max(waterfall.todoApi, waterfall.boardApi);

    if (process.argv.includes('--screenshots')) await screenshots(browser, stack.baseUrl, clerk, history.tasks);
    const result = {
      runs: RUNS,
      loadBefore: Number(load.toFixed(2)),
      loadAfter: Number(loadavg()[0]!.toFixed(2)),
      history: { tasks: history.tasks, commands: history.commands, skipped: history.skipped.length },
      initialJsGzipKiB: Number((gzip / KIB).toFixed(1)),
      initialScripts: scripts.length,
      loginFormMs: Math.round(median(logins.map((l) => l.form))),
      loginToTodoMs: Math.round(median(logins.map((l) => l.todo))),
      navigationToTodoTotalMs: Math.round(loginToTodo),
      boardMs: Math.round(median(boards)),
      waterfall,
      targets: {
        initialJsGzipKiB: { max: 350, ok: gzip / KIB <= 350 },
        navigationToTodoTotalMs: { max: 2000, ok: loginToTodo < 2000 },
        boardMs: { max: 2000, ok: median(boards) < 2000 },
        requestWaterfallDepth: { max: 3, value: deepest, ok: deepest <= 3 },
      },
    };
    console.log(JSON.stringify(result));
  } finally {
    await browser?.close();
    await stack.stop();
  }
}

async function screenshots(browser: Browser, baseUrl: string, clerk: string, rows: number): Promise<void> {
  const dir = join(ROOT, 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  const todo = await fresh(browser);
  await login(todo, baseUrl, clerk);
  await todo.screenshot({ path: join(dir, 'todo.png') });
  await todo.context().close();
  await board(browser, baseUrl, rows, join(dir, 'board.png'));
  const leader = await fresh(browser);
  await login(leader, baseUrl, 'office.bench', 'h1:has-text("任务台账")');
  await leader.goto(baseUrl + '/dashboard');
  await leader.getByRole('img', { name: /各体系任务数量/ }).waitFor();
  await leader.waitForTimeout(1500); // the charts' entry animation
  await leader.screenshot({ path: join(dir, 'dashboard.png') });
  await leader.context().close();
}

void main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
