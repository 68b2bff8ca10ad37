/**
 * npm run audit:verify — walks every stream of the configured event store and reports the
 * first break of the tamper-evidence hash chain, then reads every referenced 佐证材料 file back
 * against the SHA-256 its event recorded (missing or altered files are named). Exit 0: clean;
 * exit 1: a break or a bad file was found.
 */
import { clockFor, loadConfigOrExit } from '@zw/config';
import { openEventStore, verifyChains } from '@zw/event-store';
import { openFileStorage, verifyReferencedFiles } from '@zw/files';
import { auditReport } from './audit.http.controller';
import { exitOnHelp } from '../cli/cli-help';
// Before anything opens the store: --help works without configuration.
exitOnHelp({
  name: 'audit:verify',
  script: 'apps/api/src/audit/audit-verify.cli.js',
  synopsis: [''],
  description:
    "Walks every stream's tamper-evidence hash chain and reads every referenced 佐证材料 file back against its recorded SHA-256. Exit 0: clean; 1: a break or a bad file (named).",
});

async function main(): Promise<number> {
  const config = loadConfigOrExit();
  const store = openEventStore(config, clockFor(config));
  try {
    const report = auditReport(await verifyChains(store), await verifyReferencedFiles(store, openFileStorage(config)));
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
