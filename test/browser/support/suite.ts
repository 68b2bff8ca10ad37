/** The setup every browser suite shares, registered as its beforeAll/afterAll. */
import type { Browser, Page } from 'playwright-core';
import { Accounts, type Role } from './accounts';
import { launch } from './chromium';
import { openAs } from './console';
import { GENEROUS_MS } from '../../support/processes';
import { ensureWebBuilt, startWebStack, type WebStack } from './web-stack';

/** An account the suite makes ready (password set to PASSWORD) before its tests. */
export type Person = readonly [username: string, displayName: string, role: Role, department?: string];

export interface ConsoleSuite {
  readonly baseUrl: string;
  readonly browser: Browser;
  readonly accounts: Accounts;
  /** A new browser context logged in as `username` through the login page. */
  openAs(username: string, width?: number): Promise<Page>;
}

/**
 * The console built, the real api started (its own data folder, the plan seeded, the first admin
 * bootstrapped), `people` made ready, then `prepare` (commands the tests start from, over HTTP or
 * by the shell's CLIs on the stack's data folder), then Chromium; all stopped after the suite.
 * The getters are read inside tests, after beforeAll.
 */
export function consoleSuite(
  people: readonly Person[],
  prepare?: (accounts: Accounts, stack: WebStack) => Promise<void>,
): ConsoleSuite {
  let stack: WebStack | undefined;
  let browser: Browser | undefined;
  let accounts: Accounts | undefined;

  beforeAll(async () => {
    ensureWebBuilt();
    stack = await startWebStack();
    accounts = new Accounts(stack.baseUrl, stack.adminPassword);
    for (const [username, displayName, role, department] of people)
      await accounts.ready(username, displayName, role, department);
    await prepare?.(accounts, stack);
    browser = await launch();
  }, 4 * GENEROUS_MS); // maybe a build of the console, an api process and a browser, on a shared 2-core machine
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite is not set up (read it inside a test)');
    return value;
  };
  return {
    get baseUrl() {
      return ready(stack).baseUrl;
    },
    get browser() {
      return ready(browser);
    },
    get accounts() {
      return ready(accounts);
    },
    openAs: (username, width) => openAs(ready(browser), ready(stack).baseUrl, username, width),
  };
}
