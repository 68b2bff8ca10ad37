/**
 * Debian's Chromium driven by playwright-core (no downloaded browser). `.ci/run` installs it with
 * apt when missing. Screenshots go to test-artifacts/screenshots (git-ignored).
 */
import AxeBuilder from '@axe-core/playwright';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './web-stack';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = join(ROOT, 'test-artifacts/screenshots');

export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const banner = '!'.repeat(78);
  console.error(
    `${banner}\n[browser] NO CHROMIUM at ${CHROMIUM}: the browser suite is SKIPPED (apt-get install -y chromium).\n${banner}`,
  );
  if (process.env.CI === 'true') throw new Error('CI=true: the browser suite needs Chromium');
  return false;
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/**
 * Waits until `expression` is true in the page. Polled with `evaluate`: the console's CSP (no
 * `unsafe-eval`) refuses the string predicates of Playwright's own `waitForFunction`.
 */
export async function until(page: Page, expression: string, timeoutMs = 60_000): Promise<void> {
  for (const start = Date.now(); !(await page.evaluate(expression));) {
    if (Date.now() - start > timeoutMs) throw new Error(`the page never satisfied: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** axe-core's serious and critical violations on the page as it stands (ids and the first target). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Fades and zooms end first (antd's lists opening and closing, a chosen tag appearing): a check
  // made mid-animation judges colours half-way and elements on their way out. Endless animations
  // (spinners) are not waited for.
  await until(
    page,
    `document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)`,
  );
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`)
          .slice(0, 3)
          .join(', ')}`,
    );
}
