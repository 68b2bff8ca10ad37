/**
 * npm run projections:rebuild — folds the whole event log from zero into the task rows and
 * stores them (with their position) as the snapshot the api resumes from. Use after changing a
 * projection, or to check a suspicious read model: the api also rebuilds by itself when its
 * snapshot is missing, of another version, or from another store. Run it with the api stopped
 * (a running api stores its own snapshot again when it shuts down).
 */
import { performance } from 'node:perf_hooks';
import { clockFor, loadConfigOrExit } from '@zw/config';
import { openEventStore } from '@zw/event-store';
import { PROJECTION_SUBSCRIBER_ID, rebuildTaskRows, saveTaskRows } from '@zw/projections';
import { snapshotFileOf } from './projection.service';
import { exitOnHelp } from '../cli/cli-help';
// Before anything opens the store: --help works without configuration.
exitOnHelp({
  name: 'projections:rebuild',
  script: 'apps/api/src/views/projections-rebuild.cli.js',
  synopsis: [''],
  description:
    'Folds the whole event log into the task rows and stores them as the verified snapshot the api resumes from (DATA_DIR/projections/task-rows.snapshot). Run it with the api stopped.',
});

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const store = openEventStore(config, clockFor(config));
  try {
    const started = performance.now();
    const model = await rebuildTaskRows(store);
    const seconds = (performance.now() - started) / 1000;
    const file = snapshotFileOf(config);
    saveTaskRows(file, model);
    const position = model.position;
    if (position !== undefined) await store.checkpoints.store(PROJECTION_SUBSCRIBER_ID, position);
    process.stdout.write(
      `${JSON.stringify({ file, position: position?.toString() ?? null, tasks: model.size, plans: model.planIds().length, seconds: Math.round(seconds * 1000) / 1000 })}\n`,
    );
  } finally {
    await store.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
