import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadBundledPlans } from './load-plan';

const ROOT = join(__dirname, '../../..');
/** Code that must serve any district: the domain and the apps. Plan files and their fixtures live in libs/plan. */
const PLAN_NEUTRAL = ['libs/domain', 'apps'];

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (/\.(tsx?|jsx?|json|md)$/.test(entry.name)) yield path;
  }
}

/**
 * Several districts run in one deployment, so nothing of one district's plan may be decided in
 * code: its id, its district's name or the district-prefixed names of its departments appear
 * only in its plan file (and the tests' fixtures in libs/plan/src/testing).
 */
describe('plan-neutral code', () => {
  it('no file of libs/domain or apps names a bundled plan, its district or its district-prefixed departments', () => {
    const words = loadBundledPlans().flatMap((plan) => {
      const district = plan.settings.organisation.name; // 连云区
      const stem = district.replace(/[区县市]$/, ''); // 连云: 连云生态环境局, 连云港市
      return [plan.id.split('-')[0]!, plan.id, district, stem];
    });
    expect(words.length).toBeGreaterThan(0);
    const hits: string[] = [];
    for (const dir of PLAN_NEUTRAL) {
      for (const file of filesUnder(join(ROOT, dir))) {
        const text = readFileSync(file, 'utf8').toLowerCase();
        for (const word of words) if (text.includes(word.toLowerCase())) hits.push(`${relative(ROOT, file)}: ${word}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
