/**
 * Synthetic national-scale history for `npm run bench:projections` (run as a child process so
 * the benchmark's peak RSS is the projections', not the generator's). Usage:
 *   node … bench/projections.history.ts <events.db> <districts>
 * Each district is a plan (`d-001` …) of 40 tasks (A-1…A-15, B-1…B-5, C-1…C-10, D-1…D-10), each
 * led by one of the 20 departments of 附件4 with two cooperating, five milestones, 36 months of
 * work: monthly progress reports, 6 reminders and now and then an escalation a month,
 * milestones completed (a few late, one extended, some reopened), a third of the tasks signed
 * off and accepted. ≈265 events per task (≈1.06M for 100 districts), interleaved month by month as a real log would be.
 * Then the organisations (ten districts to a city) and each district's plan and indicator reports
 * (bench/projections.districts.ts).
 */
import type { NewEvent } from '@zw/event-store';
import { SqliteEventStore } from '@zw/event-store';
import { taskStreamId } from '@zw/domain';
import { loadLianyunPlan } from '@zw/plan';
import { writeDistricts } from './projections.districts';

const [file, districtsArg] = process.argv.slice(2);
const DISTRICTS = Number(districtsArg ?? 100);
const DEPARTMENTS = loadLianyunPlan().departments.map((d) => d.name);
const CODES = [
  ...Array.from({ length: 15 }, (_, i) => `A-${i + 1}`),
  ...Array.from({ length: 5 }, (_, i) => `B-${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `C-${i + 1}`),
  ...Array.from({ length: 10 }, (_, i) => `D-${i + 1}`),
];
const SYSTEMS: Record<string, string> = { A: '制度体系建设', B: '技术体系建设', C: '市场体系建设', D: '监管体系建设' };
const MILESTONE_DUE = ['2023-06-30', '2023-12-31', '2024-06-30', '2024-12-31', '2025-06-30'];

const pad = (n: number) => String(n).padStart(2, '0');
const instant = (month: number, day: number, hour = 10) =>
  `${2023 + Math.floor(month / 12)}-${pad((month % 12) + 1)}-${pad(day)}T${pad(hour)}:00:00.000+08:00`;

interface TaskPlan {
  streamId: string;
  lead: string;
  coop: [string, string];
  owners: string[];
  n: number;
  revision: bigint | 'no_stream';
}

function meta(role: string, department: string | undefined, occurredAt: string, n: number) {
  const id = `bench-${n}`;
  return {
    actorId: department ? `dept-${department}` : role,
    role,
    ...(department ? { department } : {}),
    correlationId: id,
    causationId: id,
    occurredAt,
  };
}

/** The events of one task in one month (month 0 = 2023-01). */
function monthOf(t: TaskPlan, code: string, planId: string, month: number): NewEvent[] {
  const out: NewEvent[] = [];
  const push = (type: string, data: unknown, role: string, department: string | undefined, at: string) =>
    out.push({ type, data, metadata: meta(role, department, at, t.n) });
  if (month === 0) {
    const facts = {
      planId,
      code,
      title: `${code} 合成任务`,
      text: `${code} 合成任务（基准测试）`,
      system: SYSTEMS[code[0]!]!,
      area: '基准',
      window: '2023-2025',
      ongoing: false,
    };
    const milestones = MILESTONE_DUE.map((dueDate, i) => ({
      milestoneId: `m${i + 1}`,
      title: `节点${i + 1}`,
      dueDate,
      owner: t.owners[i]!,
    }));
    push(
      'TaskAssigned',
      {
        facts,
        lead: [t.lead],
        cooperating: t.coop,
        dueDate: '2025-12-31',
        milestones,
        acknowledgeBy: '2023-01-10',
        reporting: null,
        assignedAt: instant(0, 5),
        source: 'plan',
      },
      'office',
      '无废办',
      instant(0, 5),
    );
    for (const [i, d] of [t.lead, ...t.coop].entries()) {
      const late = (t.n + i) % 7 === 0;
      push(
        'TaskAcknowledged',
        {
          department: d,
          role: i === 0 ? 'lead' : 'cooperating',
          acknowledgeBy: '2023-01-10',
          acknowledgedAt: instant(0, late ? 12 : 6 + i),
          late,
        },
        'department',
        d,
        instant(0, late ? 12 : 6 + i),
      );
    }
  }
  for (let r = 0; r < 6; r++) {
    push(
      'ReminderSent',
      {
        deliveryId: `${t.streamId}.${month}.${r}`,
        rule: 'due_soon',
        department: t.owners[r % 5]!,
        channel: 'inapp',
        recipient: t.owners[r % 5]!,
        target: { kind: 'milestone', milestoneId: `m${(r % 5) + 1}` },
        dueDate: MILESTONE_DUE[r % 5]!,
        message: '催办',
        sentAt: instant(month, 8 + r),
      },
      'system',
      undefined,
      instant(month, 8 + r),
    );
  }
  if ((t.n + month) % 11 === 0) {
    push(
      'EscalationSent',
      {
        deliveryId: `${t.streamId}.${month}.e`,
        rule: 'overdue',
        department: t.lead,
        channel: 'inapp',
        recipient: '无废办',
        target: { kind: 'task' },
        dueDate: '2025-12-31',
        message: '督办',
        level: 'office',
        daysOverdue: 3,
        sentAt: instant(month, 14),
      },
      'system',
      undefined,
      instant(month, 14),
    );
  }
  push(
    'ProgressReported',
    {
      department: t.lead,
      text: `${month + 1} 月进展`,
      difficulties: '',
      nextSteps: '',
      percent: Math.min(100, Math.round(((month + 1) / 36) * 100)),
      reportedAt: instant(month, 20),
    },
    'department',
    t.lead,
    instant(month, 20),
  );
  const due = MILESTONE_DUE.findIndex((d) => d.startsWith(instant(month, 1).slice(0, 7)));
  if (due >= 0) {
    const id = `m${due + 1}`;
    const owner = t.owners[due]!;
    if (due === 2 && t.n % 4 === 0) {
      push(
        'ExtensionRequested',
        {
          extensionId: `x-${id}`,
          department: t.lead,
          target: { kind: 'milestone', milestoneId: id },
          reason: '延期',
          currentDueDate: MILESTONE_DUE[due],
          newDueDate: '2024-09-30',
          requestedAt: instant(month, 10),
        },
        'department',
        t.lead,
        instant(month, 10),
      );
      push(
        'ExtensionApproved',
        {
          extensionId: `x-${id}`,
          target: { kind: 'milestone', milestoneId: id },
          previousDueDate: MILESTONE_DUE[due],
          newDueDate: '2024-09-30',
          note: '',
          approvedAt: instant(month, 12),
        },
        'office',
        '无废办',
        instant(month, 12),
      );
    }
    const late = t.n % 9 === 0;
    const at = instant(month, late ? 28 : 25);
    push(
      'MilestoneCompleted',
      {
        milestoneId: id,
        title: `节点${due + 1}`,
        department: owner,
        evidence: [{ title: '佐证材料', url: 'https://example.gov.cn/e.pdf' }],
        note: '',
        dueDate: MILESTONE_DUE[due],
        late,
        completedAt: at,
      },
      'department',
      owner,
      at,
    );
    if (due === 1 && t.n % 10 === 0) {
      push(
        'MilestoneReopened',
        {
          milestoneId: id,
          title: `节点${due + 1}`,
          reason: '佐证不全',
          reopenedAt: instant(month, 26),
          signOffVoided: false,
        },
        'office',
        '无废办',
        instant(month, 26),
      );
      push(
        'MilestoneCompleted',
        {
          milestoneId: id,
          title: `节点${due + 1}`,
          department: owner,
          evidence: [{ title: '补充佐证', url: 'https://example.gov.cn/e2.pdf' }],
          note: '补充',
          dueDate: MILESTONE_DUE[due],
          late: true,
          completedAt: instant(month, 27),
        },
        'department',
        owner,
        instant(month, 27),
      );
    }
  }
  if (month === 35 && t.n % 3 === 0) {
    push(
      'SignOffRequested',
      { department: t.lead, note: '', awaiting: t.coop, requestedAt: instant(month, 1) },
      'department',
      t.lead,
      instant(month, 1),
    );
    push(
      'SignedOff',
      { department: t.coop[0], note: '', remaining: [t.coop[1]], signedAt: instant(month, 2) },
      'department',
      t.coop[0],
      instant(month, 2),
    );
    push(
      'SignedOff',
      { department: t.coop[1], note: '', remaining: [], signedAt: instant(month, 3) },
      'department',
      t.coop[1],
      instant(month, 3),
    );
    push(
      'TaskAccepted',
      { closure: 'completed', note: '', acceptedAt: instant(month, 4) },
      'office',
      '无废办',
      instant(month, 4),
    );
  }
  return out;
}

async function main(): Promise<void> {
  if (!file) throw new Error('usage: projections.history.ts <events.db> <districts>');
  const store = new SqliteEventStore({ filename: file, synchronous: 'NORMAL' });
  const tasks: Array<{ plan: TaskPlan; code: string; planId: string }> = [];
  for (let d = 0; d < DISTRICTS; d++) {
    const planId = `d-${String(d + 1).padStart(3, '0')}`;
    for (const [i, code] of CODES.entries()) {
      const n = d * CODES.length + i;
      const pick = (k: number) => DEPARTMENTS[(n * 7 + k * 3) % DEPARTMENTS.length]!;
      const lead = pick(0);
      const coop: [string, string] = [pick(1), pick(2)];
      const plan = {
        streamId: taskStreamId(planId, code),
        lead,
        coop,
        owners: [lead, coop[0], lead, coop[1], lead],
        n,
        revision: 'no_stream' as const,
      };
      tasks.push({ plan, code, planId });
    }
  }
  let total = 0;
  for (let month = 0; month < 36; month++) {
    await Promise.all(
      tasks.map(async ({ plan, code, planId }) => {
        const events = monthOf(plan, code, planId, month);
        const result = await store.append(plan.streamId, events, plan.revision);
        plan.revision = result.nextExpectedRevision;
        total += events.length;
      }),
    );
  }
  total += await writeDistricts(store, DISTRICTS);
  await store.close();
  process.stdout.write(`${JSON.stringify({ events: total, tasks: tasks.length, districts: DISTRICTS })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
