/**
 * Web console benchmark (`npm run bench:web`): the built console in headless Chromium against the
 * api process on the embedded default with the Lianyun plan and a history made through the api
 * (bench/web.history.ts). Measures, each a median of RUNS fresh browser contexts (cold cache):
 *  - the JavaScript the login and 我的待办 load, gzip-compressed as a proxy would send it;
 *  - navigation → login form shown, plus 登录 clicked → 我的待办 rendered with its items;
 *  - navigation → 任务台账 rendered with every task, for a signed-in office user;
 *  - the depth of the api request waterfall on both (bench/request-chain.ts: each request waited
 *    for the one that finished last before it started), the worst run counting; the chain through
 *    the page's own files and the first version's upper bound are reported beside it, not judged;
 *  - where the time goes (bench/web.breakdown.ts): the median run's timeline and each phase's median,
 *    and the login's scrypt hash alone in this process.
 * With `--screenshots` it also writes docs/screenshots/{todo,board,dashboard}.png for the README.
 * Last line: one JSON object with `targets`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { hashPassword } from '@zw/auth';
import type { Browser, Page } from 'playwright-core';
import { Accounts, PASSWORD } from '../test/browser/support/accounts';
import { launch } from '../test/browser/support/chromium';
import { ensureWebBuilt, ROOT, startWebStack } from '../test/browser/support/web-stack';
import { median } from './bench-util';
import { chainDepth, isApi, recordRequests, sequentialDepth, type Span } from './request-chain';
import { medianPhases, phasesOf, timeline, type Run } from './web.breakdown';
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
async function login(page: Page, baseUrl: string, user: string, ready = '[data-code]') {
  const scripts: string[] = [];
  const requests = recordRequests(page);
  page.on(
    'response',
    (r) => r.url().includes('/assets/') && r.url().endsWith('.js') && scripts.push(new URL(r.url()).pathname),
  );
  const navigated = Date.now();
  await page.goto(baseUrl + '/');
  await page.getByRole('button', { name: '登录', exact: true }).waitFor();
  const form = Date.now();
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  const clicked = Date.now();
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.locator(ready).first().waitFor();
  const run: Run = { navigated, form, clicked, rendered: Date.now(), spans: requests.spans };
  return { run, scripts, ...depths(requests.spans) };
}

async function board(browser: Browser, baseUrl: string, rows: number, shot?: string) {
  const page = await fresh(browser);
  await login(page, baseUrl, 'office.bench', 'h1:has-text("任务台账")');
  // A new document: the session is renewed from its cookie, then the board is read.
  const requests = recordRequests(page);
  const navigated = Date.now();
  await page.goto(baseUrl + '/ledger');
  await page.getByRole('row').nth(rows).waitFor();
  const run: Run = { navigated, rendered: Date.now(), spans: requests.spans };
  if (shot) await page.screenshot({ path: shot, fullPage: false });
  await page.context().close();
  return { run, ...depths(requests.spans) };
}

/** The waterfall's depth: the api's requests, every request, and the first version's upper bound. */
function depths(spans: Span[]) {
  return {
    apiDepth: chainDepth(spans, isApi),
    allDepth: chainDepth(spans),
    apiUpperBound: sequentialDepth(spans.filter(isApi)),
  };
}

/** The login's password hash alone, in this process on the same machine: what scrypt costs here. */
async function scryptMs(): Promise<number> {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await hashPassword(PASSWORD);
    times.push(performance.now() - start);
  }
  return Math.round(median(times));
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
    const todoPhases = logins.map((l) => phasesOf(l.run));
    const loginToTodo = median(todoPhases.map((p) => p.totalMs));
    console.log(
      timeline(
        '我的待办: navigation → login form, 登录 → rendered',
        logins.map((l) => l.run),
      ),
    );

    const boardRuns = [];
    for (let i = 0; i < RUNS; i++) boardRuns.push(await board(browser, stack.baseUrl, history.tasks));
    const boards = boardRuns.map((b) => phasesOf(b.run).totalMs);
    console.log(
      timeline(
        '任务台账: navigation (signed in) → every row rendered',
        boardRuns.map((b) => b.run),
      ),
    );
    const waterfall = {
      todoApi: Math.max(...logins.map((l) => l.apiDepth)),
      boardApi: Math.max(...boardRuns.map((b) => b.apiDepth)),
      todoAll: Math.max(...logins.map((l) => l.allDepth)),
      boardAll: Math.max(...boardRuns.map((b) => b.allDepth)),
      todoApiUpperBound: Math.max(...logins.map((l) => l.apiUpperBound)),
      boardApiUpperBound: Math.max(...boardRuns.map((b) => b.apiUpperBound)),
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
      loginFormMs: Math.round(median(todoPhases.map((p) => p.formMs!))),
      loginToTodoMs: Math.round(median(todoPhases.map((p) => p.totalMs - p.formMs!))),
      navigationToTodoTotalMs: Math.round(loginToTodo),
      boardMs: Math.round(median(boards)),
      breakdown: {
        todo: medianPhases(logins.map((l) => l.run)),
        board: medianPhases(boardRuns.map((b) => b.run)),
        scryptMs: await scryptMs(),
      },
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
