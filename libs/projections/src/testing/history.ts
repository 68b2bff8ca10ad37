import {
  decide,
  DomainError,
  foldTask,
  taskStreamId,
  type AssignmentRequest,
  type TaskCommand,
  type TaskEvent,
  type TaskState,
} from '@zw/domain';
import type { EventMetadata, EventStore, NewEvent } from '@zw/event-store';

/** Test-only: scripted and random task histories, decided by the real domain and appended to a real store. */
export const PLAN = 'lianyun-2022-2025';
export const ECO = '连云生态环境局';
export const URBAN = '区城管局';
export const COMMERCE = '区商务局';

export function c5Like(code: string, title = '社会源危险废物回收体系建设'): AssignmentRequest {
  return {
    facts: {
      planId: PLAN,
      code,
      title,
      text: title,
      system: '市场体系建设',
      area: '体系建设',
      window: '2024',
      ongoing: false,
    },
    lead: [ECO],
    cooperating: [URBAN],
    dueDate: '2024-12-31',
    acknowledgeBy: '2024-01-05',
    milestones: [
      { milestoneId: 'm1', title: '制定社会源危险废物收集方案', dueDate: '2024-06-30', owner: ECO },
      { milestoneId: 'm2', title: '建成小微企业危险废物收集点', dueDate: '2024-10-31', owner: URBAN },
    ],
  };
}

export function metadataOf(actor: { role: string; department?: string }, occurredAt: string, n = 0): EventMetadata {
  const id = `c-${n}`;
  return {
    actorId: `u-${actor.department ?? actor.role}`,
    role: actor.role,
    ...(actor.department ? { department: actor.department } : {}),
    correlationId: id,
    causationId: id,
    occurredAt,
  };
}

/** Decides `command` on the stream's current state and appends the result; a refused command appends nothing. */
export async function run(store: EventStore, code: string, command: TaskCommand, n = 0): Promise<TaskEvent[]> {
  const streamId = taskStreamId(PLAN, code);
  const recorded = await store.readStream(streamId);
  const state = foldTask(
    recorded
      .map((e) => ({ type: e.type, data: e.data }) as TaskEvent)
      .filter((e) => !e.type.endsWith('Sent') && !e.type.endsWith('Failed')),
  );
  let events: TaskEvent[];
  try {
    events = decide(command, state);
  } catch (error) {
    if (error instanceof DomainError) return [];
    throw error;
  }
  const { actor, now } = command.metadata;
  const metadata = metadataOf({ role: actor.role, department: actor.department }, now, n);
  const expected = recorded.length === 0 ? 'no_stream' : BigInt(recorded.length - 1);
  await store.append(
    streamId,
    events.map((e): NewEvent => ({ type: e.type, data: e.data, metadata })),
    expected,
  );
  return events;
}

const office = (now: string) => ({
  actor: { actorId: 'u-office', role: 'office' as const, department: '无废办' },
  now,
});
const dept = (department: string, now: string) => ({
  actor: { actorId: `u-${department}`, role: 'department' as const, department },
  now,
});

/** One random step: which command kind, on which task, with which pick among candidates. */
export interface Step {
  readonly task: number;
  readonly kind: number;
  readonly pick: number;
}
export const STEP_KINDS = 17;

/** A plausible command of kind `kind` for the task's current state (the domain may still refuse it). */
export function commandFor(kind: number, code: string, state: TaskState, pick: number, now: string): TaskCommand {
  const task = 'task' in state ? state.task : undefined;
  const parts = task ? [...task.parts.keys()] : [ECO];
  const someone = parts[pick % parts.length] ?? ECO;
  const milestones = task ? [...task.milestones.values()] : [];
  const milestone = milestones[pick % Math.max(1, milestones.length)];
  const pending = task ? [...task.extensions.values()].filter((x) => x.status === 'pending') : [];
  switch (kind) {
    case 0:
      return { type: 'AssignTask', data: c5Like(code), metadata: office(now) };
    case 1:
      return { type: 'AcknowledgeTask', data: {}, metadata: dept(someone, now) };
    case 2:
      return {
        type: 'ReportProgress',
        data: { percent: (pick * 17) % 101, text: '进展', difficulties: '', nextSteps: '' },
        metadata: dept(someone, now),
      };
    case 3:
      return {
        type: 'CompleteMilestone',
        data: {
          milestoneId: milestone?.milestoneId ?? 'm1',
          evidence: [{ title: '佐证', url: 'https://example.cn/e' }],
        },
        metadata: dept(milestone?.owner ?? ECO, now),
      };
    case 4:
      return {
        type: 'ReopenMilestone',
        data: { milestoneId: milestone?.milestoneId ?? 'm1', reason: '佐证不全' },
        metadata: office(now),
      };
    case 5:
      return {
        type: 'AddMilestone',
        data: {
          milestone: { milestoneId: `m${3 + (pick % 3)}`, title: `节点${pick}`, dueDate: '2024-09-30', owner: someone },
          reason: '细化',
        },
        metadata: office(now),
      };
    case 6:
      return { type: 'RequestSignOff', data: {}, metadata: dept(ECO, now) };
    case 7:
      return { type: 'SignOff', data: {}, metadata: dept(someone, now) };
    case 8:
      return { type: 'ObjectToSignOff', data: { reason: '异议' }, metadata: dept(someone, now) };
    case 9:
      return { type: 'AcceptTask', data: {}, metadata: office(now) };
    case 10:
      return { type: 'ReturnTask', data: { reason: '补充材料' }, metadata: office(now) };
    case 11:
      return {
        type: 'RequestExtension',
        data: {
          extensionId: `x-${pick}`,
          target: milestone && pick % 2 ? { kind: 'milestone', milestoneId: milestone.milestoneId } : { kind: 'task' },
          newDueDate: '2025-03-31',
          reason: '延期',
        },
        metadata: dept(ECO, now),
      };
    case 12:
      return {
        type: 'ApproveExtension',
        data: { extensionId: pending[0]?.extensionId ?? 'x-0' },
        metadata: office(now),
      };
    case 13:
      return {
        type: 'RejectExtension',
        data: { extensionId: pending[0]?.extensionId ?? 'x-0', reason: '不充分' },
        metadata: office(now),
      };
    case 14:
      return {
        type: 'ReassignTask',
        data: {
          lead: [ECO],
          cooperating: pick % 2 ? [URBAN, COMMERCE] : [COMMERCE],
          acknowledgeBy: '2024-04-02',
          reason: '调整',
        },
        metadata: office(now),
      };
    // Cancelling ends a task's history: rare, so histories get long enough to mean something.
    case 15:
      return pick === 0
        ? { type: 'CancelTask', data: { reason: '调整' }, metadata: office(now) }
        : { type: 'AcknowledgeTask', data: {}, metadata: dept(someone, now) };
    default:
      return {
        type: 'RemoveMilestone',
        data: { milestoneId: milestone?.milestoneId ?? 'm1', reason: '合并' },
        metadata: office(now),
      };
  }
}

/** Plays random steps on `codes` (time advancing a day per step from 2024-01-02) through the real domain. */
export async function playRandom(
  store: EventStore,
  codes: readonly string[],
  steps: readonly Step[],
  onStep?: (i: number) => Promise<void>,
): Promise<number> {
  let appended = 0;
  for (const [i, step] of steps.entries()) {
    const code = codes[step.task % codes.length]!;
    const now = new Date(Date.UTC(2024, 0, 2 + i, 1)).toISOString().replace('Z', '+00:00');
    const recorded = await store.readStream(taskStreamId(PLAN, code));
    const state = foldTask(
      recorded
        .filter((e) => !e.type.endsWith('Sent') && !e.type.endsWith('Failed'))
        .map((e) => ({ type: e.type, data: e.data }) as TaskEvent),
    );
    if (step.kind === STEP_KINDS - 1 && 'task' in state) {
      await store.append(
        taskStreamId(PLAN, code),
        [
          {
            type: 'ReminderSent',
            data: {
              deliveryId: `d-${i}`,
              rule: 'due_soon',
              department: ECO,
              channel: 'inapp',
              recipient: ECO,
              target: { kind: 'task' },
              dueDate: '2024-12-31',
              message: '催办',
              sentAt: now,
            },
            metadata: metadataOf({ role: 'system' }, now, i),
          },
        ],
        'any',
      );
      appended += 1;
    } else {
      // An unassigned task can only be assigned: most random steps would be refused otherwise.
      const kind = state.status === 'unassigned' ? 0 : step.kind;
      appended += (await run(store, code, commandFor(kind, code, state, step.pick, now), i)).length;
    }
    await onStep?.(i);
  }
  return appended;
}

/**
 * Plain JSON of a model snapshot (Maps as entry lists, bigints as strings), for comparing
 * models across realms: v8.deserialize builds Maps Jest's sandbox cannot inspect.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof Map || Object.prototype.toString.call(v) === '[object Map]')
      return { map: [...(v as Map<unknown, unknown>).entries()] };
    return typeof v === 'bigint' ? `${v}n` : v;
  });
}
