/**
 * npm run plan:import -- <plan.json | tasks.xlsx> [--plan <planId>] [--sheet <name>] [--json]
 *
 * Imports a plan file into the configured event store (PostgreSQL when DATABASE_URL is set,
 * else KurrentDB when EVENTSTORE_CONNECTION_STRING is, else DATA_DIR's events.db). A JSON file is a whole plan (libs/plan schema);
 * an .xlsx task sheet replaces the task list of the plan named by --plan. Prints the
 * validation report; exits 1 and imports nothing when the file is malformed.
 */
import { clockFor, loadConfigOrExit } from '@zw/config';
import { openEventStore } from '@zw/event-store';
import {
  importPlan,
  loadPlan,
  planWithTaskSheet,
  PlanSchemaError,
  TaskSheetError,
  UnknownPlanError,
  type ImportResult,
} from '@zw/plan';
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { systemMetadata } from '../actor/actor';
import { importResponse } from './plan-import.http.controller';
import { exitOnHelp } from '../cli/cli-help';
// Before anything opens the store: --help works without configuration.
exitOnHelp({
  name: 'plan:import',
  script: 'apps/api/src/plans/plan-import.cli.js',
  synopsis: ['<plan.json | tasks.xlsx> [--plan <planId>] [--sheet <name>] [--json]'],
  description:
    'Imports a plan file: a whole plan as JSON, or an .xlsx task sheet replacing the task list of --plan. Prints the validation report; imports nothing when the file is malformed (exit 1).',
});

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { plan: { type: 'string' }, sheet: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const file = positionals[0];
  if (!file) return usage('missing <file>');
  const isXlsx = extname(file).toLowerCase() === '.xlsx';
  if (isXlsx && !values.plan)
    return usage('an .xlsx task sheet needs --plan <planId> (the plan whose task list it replaces)');

  const config = loadConfigOrExit();
  const clock = clockFor(config);
  const store = openEventStore(config, clock);
  try {
    const bytes = readFileSync(file);
    const plan = isXlsx
      ? await planWithTaskSheet(store, values.plan!, bytes, values.sheet)
      : loadPlan(JSON.parse(bytes.toString('utf8')), file);
    const result = await importPlan(store, plan, {
      source: basename(file),
      metadata: systemMetadata('cli:plan-import', clock),
    });
    process.stdout.write(values.json ? `${JSON.stringify(importResponse(result), null, 2)}\n` : describe(result));
    return 0;
  } catch (error) {
    if (
      error instanceof TaskSheetError ||
      error instanceof PlanSchemaError ||
      error instanceof UnknownPlanError ||
      error instanceof SyntaxError
    ) {
      process.stderr.write(`导入失败，未写入任何事件 (nothing imported): ${error.message}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function describe(r: ImportResult): string {
  const lines = [
    `计划 ${r.planId} 版本 ${r.planVersion}: ${r.appended === 0 ? '与已导入内容一致，未追加事件' : `追加 ${r.appended} 个事件（新增 ${r.listed}，修改 ${r.revised}，撤销 ${r.withdrawn}）`}`,
    `校验报告: 错误 ${r.report.summary.error}，警告 ${r.report.summary.warning}，提示 ${r.report.summary.info}`,
    ...r.report.findings.map((f) => `  [${f.severity}] ${f.code}: ${f.message}`),
  ];
  return `${lines.join('\n')}\n`;
}

function usage(problem: string): number {
  process.stderr.write(
    `${problem}\nusage: npm run plan:import -- <plan.json | tasks.xlsx> [--plan <planId>] [--sheet <name>] [--json]\n`,
  );
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
