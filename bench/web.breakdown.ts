/**
 * Where the time of one page load goes: the phases of a run (document, scripts, the form shown,
 * the login's answer and the server's part of it, each request after it) from the browser's
 * resource timing, relative to the navigation. Printed for the median run, summarised as medians.
 */
import { median } from './bench-util';
import { isApi, longestChain, spanName, type Span } from './request-chain';

/** Epoch milliseconds of what the script saw, beside the page's requests. */
export interface Run {
  navigated: number;
  /** The login form (or, for 任务台账, nothing: undefined). */
  form?: number;
  clicked?: number;
  rendered: number;
  spans: Span[];
}

export interface Phases {
  /** index.html fully received. */
  documentMs: number;
  /** The last script received before the first screen (the login form, or the page) showed. */
  scriptsMs: number;
  /** Script evaluation and first render: scripts received → form (or page) shown. */
  evalMs?: number;
  formMs?: number;
  /** 登录 clicked → POST /auth/login answered; its server part (password hash included). */
  loginPostMs?: number;
  loginServerMs?: number;
  /** Login answered (or document loaded) → page rendered: the page's chunk and reads. */
  afterMs: number;
  totalMs: number;
}

export function phasesOf(run: Run): Phases {
  const at = (t: number) => Math.round(t - run.navigated);
  const doc = run.spans.find((s) => s.type === 'document');
  const firstScreen = run.form ?? run.rendered;
  // Scripts received before the first screen showed; the login page's idle preloads come after it.
  const scripts = run.spans.filter((s) => s.type === 'script' && s.end <= firstScreen);
  const documentMs = doc ? at(doc.end) : 0;
  const scriptsMs = scripts.length ? at(Math.max(...scripts.map((s) => s.end))) : documentMs;
  const login = run.spans.find((s) => s.method === 'POST' && s.url.endsWith('/auth/login'));
  const phases: Phases = { documentMs, scriptsMs, afterMs: 0, totalMs: at(run.rendered) };
  if (run.form !== undefined) {
    phases.formMs = at(run.form);
    phases.evalMs = phases.formMs - scriptsMs;
  } else phases.evalMs = undefined;
  if (login && run.clicked !== undefined) {
    phases.loginPostMs = Math.round(login.end - run.clicked);
    phases.loginServerMs = Math.round(login.waitMs);
    phases.afterMs = Math.round(run.rendered - login.end);
    // The user's time typing is not the page's: the total counts navigation → form + click → page.
    phases.totalMs = at(run.form!) + Math.round(run.rendered - run.clicked);
  } else phases.afterMs = Math.round(run.rendered - (doc?.end ?? run.navigated));
  return phases;
}

/** Medians of each phase over the runs. */
export function medianPhases(runs: readonly Run[]): Record<string, number> {
  const all = runs.map(phasesOf);
  const keys = Object.keys(all[0]!) as (keyof Phases)[];
  const result: Record<string, number> = {};
  for (const key of keys) {
    const values = all.map((p) => p[key]).filter((v): v is number => v !== undefined);
    if (values.length) result[key] = Math.round(median(values));
  }
  return result;
}

/** A readable timeline of the run whose total is the median: each request's start → end (server wait). */
export function timeline(title: string, runs: readonly Run[]): string {
  const sorted = [...runs].sort((a, b) => phasesOf(a).totalMs - phasesOf(b).totalMs);
  const run = sorted[sorted.length >> 1]!;
  // After the click the clock restarts: the time the script spent typing is not the page's.
  const typing = run.form !== undefined && run.clicked !== undefined ? run.clicked - run.form : 0;
  const rel = (t: number) =>
    Math.round(t - run.navigated - (run.clicked !== undefined && t >= run.clicked ? typing : 0));
  const lines = [...run.spans]
    .sort((a, b) => a.start - b.start)
    .map(
      (s) =>
        `  ${String(rel(s.start)).padStart(5)} → ${String(rel(s.end)).padStart(5)} ms  (server ${Math.round(s.waitMs)} ms)  ${spanName(s)}`,
    );
  if (run.form !== undefined) lines.push(`  ${String(rel(run.form)).padStart(5)} ms  login form shown; 登录 clicked`);
  lines.push(`  ${String(rel(run.rendered)).padStart(5)} ms  page rendered`);
  lines.sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  const chain = (counts?: (span: Span) => boolean) => longestChain(run.spans, counts).map(spanName).join(' → ');
  return [
    `${title} (median run, ms from navigation, typing left out):`,
    ...lines,
    `  api chain: ${chain(isApi)}`,
    `  whole chain: ${chain()}`,
  ].join('\n');
}
