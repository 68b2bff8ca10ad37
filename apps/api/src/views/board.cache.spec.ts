import { SqliteEventStore } from '@zw/event-store';
import { DEFAULT_LIGHT_RULES, rebuildTaskRows } from '@zw/projections';
import { c5Like, ECO, PLAN, run } from '../../../../libs/projections/src/testing/history';
import { BoardCache } from './board.cache';
import type { ViewInput } from './view-context';

const at = (day: string) => `${day}T10:00:00+08:00`;

describe('BoardCache', () => {
  const store = new SqliteEventStore({ filename: ':memory:' });
  afterAll(() => store.close());
  const input = async (today: string, asOf: string | null = null): Promise<ViewInput> => {
    const rows = (await rebuildTaskRows(store)).rows(PLAN);
    return {
      planId: PLAN,
      planRevision: 3n,
      plan: undefined,
      lines: [],
      departments: [],
      rows,
      indicators: [],
      today,
      asOf,
    };
  };

  it('answers the same board until an event moves one of the plan’s rows, then recomputes', async () => {
    await run(store, 'C-5', {
      type: 'AssignTask',
      data: c5Like('C-5'),
      metadata: { actor: { actorId: 'o', role: 'office' }, now: at('2024-01-02') },
    });
    const cache = new BoardCache(DEFAULT_LIGHT_RULES);
    const first = cache.board(await input('2024-01-06'));
    expect(first[0]).toMatchObject({ code: 'C-5', statusLabel: '待签收', light: { colour: 'red' } });
    expect(cache.board(await input('2024-01-06'))).toBe(first); // same plan, day and position: the same answer
    expect(cache.board(await input('2024-01-07'))).not.toBe(first); // another day: lights move
    await run(store, 'C-5', {
      type: 'AcknowledgeTask',
      data: {},
      metadata: { actor: { actorId: 'e', role: 'department', department: ECO }, now: at('2024-01-06') },
    });
    const after = cache.board(await input('2024-01-06'));
    expect(after).not.toBe(first);
    expect(after[0]).toMatchObject({ statusLabel: '办理中' });
  });

  it('does not cache as-of boards', async () => {
    const cache = new BoardCache(DEFAULT_LIGHT_RULES);
    const i = await input('2024-01-06', '2024-01-06');
    expect(cache.board(i)).not.toBe(cache.board(i));
  });
});
