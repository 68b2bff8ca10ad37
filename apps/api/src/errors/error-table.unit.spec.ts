import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorTable, renderErrorTable } from './error-table';

const ROOT = join(__dirname, '../../../..');
const DOC = join(ROOT, 'docs/errors.md');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return name.endsWith('.ts') && !name.includes('.spec.') ? [path] : [];
  });
}

describe('docs/errors.md: every error code with its status and message', () => {
  it('contains the table rendered from the code (UPDATE_DOCS=1 rewrites it)', () => {
    const table = renderErrorTable();
    const doc = readFileSync(DOC, 'utf8');
    if (process.env.UPDATE_DOCS === '1' && !doc.includes(table)) {
      const start = doc.indexOf('| code | HTTP | message |');
      const end = doc.indexOf('\n\n', start);
      writeFileSync(DOC, `${doc.slice(0, start)}${table}${end < 0 ? '\n' : doc.slice(end)}`);
    }
    expect(readFileSync(DOC, 'utf8')).toContain(table);
  });

  it('lists every code the api and the libraries throw, each with a Chinese message', () => {
    const listed = new Set(errorTable().map((r) => r.code));
    const thrown = new Set<string>();
    for (const file of [...sources(join(ROOT, 'apps/api/src')), ...sources(join(ROOT, 'libs'))]) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/code(?: =|:) '([A-Z][A-Z_]*\.[A-Z_.]+|VALIDATION|NOT_FOUND|INTERNAL)'/g)) {
        thrown.add(match[1]!);
      }
    }
    // The store's concurrency error is answered as TASK.STALE, INDICATOR.STALE … (api-errors.ts).
    thrown.delete('EVENT_STORE.CONCURRENCY');
    // The store's input check is answered as REQUEST.INVALID, its words only logged (all-exceptions.filter.ts).
    thrown.delete('EVENT_STORE.INVALID_INPUT');
    expect([...thrown].filter((code) => !listed.has(code))).toEqual([]);
    expect(errorTable().filter((r) => !/[\u4e00-\u9fff]/.test(r.message))).toEqual([]);
  });
});
