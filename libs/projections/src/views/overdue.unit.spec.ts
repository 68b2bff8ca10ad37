import { SqliteEventStore } from '@zw/event-store';
import fc from 'fast-check';
import { rebuildTaskRows } from '../runtime/projection.runtime';
import { COMMERCE, ECO, PLAN, playRandom, STEP_KINDS, URBAN } from '../testing/history';
import { accountabilityView } from './accountability.view';
import { overdueByDepartment } from './overdue';

const CODES = ['C-5', 'A-6', 'B-1'];
const DAYS = ['2024-01-04', '2024-04-01', '2024-07-15', '2024-11-30', '2025-02-01', '2025-06-30'];

describe('overdue items counted in one pass over a plan’s rows', () => {
  it('equal every department’s accountability figures after random histories, on any day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ task: fc.nat(2), kind: fc.nat(STEP_KINDS - 1), pick: fc.nat(20) }), {
          minLength: 10,
          maxLength: 60,
        }),
        async (steps) => {
          const store = new SqliteEventStore({ filename: ':memory:' });
          await playRandom(store, CODES, steps);
          const rows = (await rebuildTaskRows(store)).rows(PLAN);
          for (const day of DAYS) {
            const overdue = overdueByDepartment(rows, day);
            for (const department of [ECO, URBAN, COMMERCE]) {
              const f = accountabilityView(rows, department, day, 30).figures;
              const o = overdue.get(department);
              expect([o?.items, o?.acknowledgements, o?.milestones, o?.tasks, o?.reports]).toEqual(
                f.overdueItems === 0
                  ? [undefined, undefined, undefined, undefined, undefined]
                  : [f.overdueItems, f.overdueAcknowledgements, f.milestonesOverdue, f.tasksOverdue, f.reportsOverdue],
              );
            }
          }
          await store.close();
        },
      ),
      { numRuns: 30 },
    );
  });
});
