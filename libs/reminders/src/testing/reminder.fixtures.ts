import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, toShanghaiIso } from '@zw/clock';
import { taskStreamId, type AssignmentRequest, type TaskEvent } from '@zw/domain';
import { SqliteEventStore, type EventMetadata, type RecordedEvent } from '@zw/event-store';

/** Test harness: a real SQLite file in a temp folder, a ManualClock, and helpers to write a task's events. */
export const ECO = '连云生态环境局';
export const URBAN = '区城管局';
export const C5_STREAM = taskStreamId('lianyun-2022-2025', 'C-5');

/** C-5 as the plan assigns it: m1 due Sunday 2024-06-30 (ECO), m2 due 2024-10-31 (URBAN). */
export const C5: AssignmentRequest = {
  facts: {
    planId: 'lianyun-2022-2025',
    code: 'C-5',
    title: '社会源危险废物回收体系建设',
    text: '社会源危险废物回收体系建设',
    system: '市场体系建设',
    area: '体系建设',
    window: '2024',
    ongoing: false,
  },
  lead: [ECO],
  cooperating: [URBAN],
  dueDate: '2024-12-31',
  milestones: [
    { milestoneId: 'm1', title: '制定社会源危险废物收集方案', dueDate: '2024-06-30', owner: ECO },
    { milestoneId: 'm2', title: '建成小微企业危险废物收集点', dueDate: '2024-10-31', owner: URBAN },
  ],
  acknowledgeBy: '2024-01-05',
};

export function meta(occurredAt: string, role = 'office'): EventMetadata {
  return { actorId: `${role}-test`, role, correlationId: 'test', causationId: 'test', occurredAt };
}

export const assignedC5 = (at = '2024-01-02T09:00:00+08:00'): TaskEvent => ({
  type: 'TaskAssigned',
  data: { ...C5, reporting: null, assignedAt: at, source: 'plan' },
});
export const acknowledgedBy = (department: string, role: 'lead' | 'cooperating', at: string): TaskEvent => ({
  type: 'TaskAcknowledged',
  data: { department, role, acknowledgeBy: '2024-01-05', acknowledgedAt: at, late: false },
});
export const completedM1 = (at: string): TaskEvent => ({
  type: 'MilestoneCompleted',
  data: {
    milestoneId: 'm1',
    title: C5.milestones[0]!.title,
    department: ECO,
    evidence: [{ title: '收集方案（印发稿）', documentRef: '连环发〔2024〕12号' }],
    note: '',
    dueDate: '2024-06-30',
    late: false,
    completedAt: at,
  },
});

export interface StoreHarness {
  readonly store: SqliteEventStore;
  readonly clock: ManualClock;
  readonly dir: string;
  /** Appends at the clock's now (or `at`), whatever the stream's revision. */
  append(event: TaskEvent, at?: string, streamId?: string): Promise<void>;
  deliveries(streamId?: string): Promise<RecordedEvent[]>;
  close(): Promise<void>;
}

export function openStore(start: string, dir = mkdtempSync(join(tmpdir(), 'zw-reminders-'))): StoreHarness {
  const clock = new ManualClock(start);
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), now: () => clock.now(), pollIntervalMs: 50 });
  return {
    store,
    clock,
    dir,
    append: async (event, at = toShanghaiIso(clock.now()), streamId = C5_STREAM) => {
      await store.append(streamId, [{ type: event.type, data: event.data, metadata: meta(at) }], 'any');
    },
    deliveries: async (streamId = C5_STREAM) =>
      (await store.readStream(streamId)).filter((e) =>
        ['ReminderSent', 'EscalationSent', 'ReminderFailed'].includes(e.type),
      ),
    close: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
