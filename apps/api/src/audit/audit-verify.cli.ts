/**
 * npm run audit:verify — walks every stream of the configured event store and reports the
 * first break of the tamper-evidence hash chain. Exit 0: clean; exit 1: a break was found.
 */
import { clockFor, loadConfigOrExit } from '@zw/config';
import { openEventStore, verifyChains } from '@zw/event-store';
import { withBreak } from './audit.http.controller';

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const store = openEventStore(config, clockFor(config));
  try {
    const report = withBreak(await verifyChains(store));
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return report.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
