import type { TaskCommand } from './task.commands';
import { decide } from './task.decide';
import type { TaskEvent } from './task.events';
import { foldTask } from './task.fold';
import { STATUS_LABELS } from './task.state';
import { taskStreamId } from './task.stream';
import { C5, dept, ECO, EVIDENCE, office, PLAN_ID, URBAN } from './testing/task.fixtures';

/**
 * C-5 from 交办 to 办结 the way the application runs it: fold the stream, decide, append.
 * Each step's status label is what the ledger (台账) shows.
 */
it('C-5 社会源危险废物回收体系建设: assignment, extension, objection, return, acceptance', () => {
  const stream: TaskEvent[] = [];
  const labels: string[] = [];
  const run = (command: TaskCommand) => {
    stream.push(...decide(command, foldTask(stream)));
    labels.push(STATUS_LABELS[foldTask(stream).status]);
  };
  const at = (day: string) => `${day}T10:00:00+08:00`;

  run({ type: 'AssignTask', data: C5, metadata: office(at('2024-01-02')) });
  run({ type: 'AcknowledgeTask', data: {}, metadata: dept(URBAN, at('2024-01-03')) });
  run({ type: 'AcknowledgeTask', data: {}, metadata: dept(ECO, at('2024-01-08')) }); // late
  run({
    type: 'CompleteMilestone',
    data: { milestoneId: 'm1', evidence: EVIDENCE },
    metadata: dept(ECO, at('2024-06-20')),
  });
  run({
    type: 'RequestExtension',
    data: {
      extensionId: 'x-1',
      target: { kind: 'milestone', milestoneId: 'm2' },
      newDueDate: '2024-12-15',
      reason: '选址调整',
    },
    metadata: dept(ECO, at('2024-10-08')),
  });
  run({ type: 'ApproveExtension', data: { extensionId: 'x-1' }, metadata: office(at('2024-10-10')) });
  run({
    type: 'CompleteMilestone',
    data: { milestoneId: 'm2', evidence: EVIDENCE },
    metadata: dept(URBAN, at('2024-12-10')),
  });
  run({ type: 'RequestSignOff', data: {}, metadata: dept(ECO, at('2024-12-11')) });
  run({ type: 'ObjectToSignOff', data: { reason: '收集点台账不全' }, metadata: dept(URBAN, at('2024-12-12')) });
  run({ type: 'RequestSignOff', data: { note: '已补充台账' }, metadata: dept(ECO, at('2024-12-16')) });
  run({ type: 'SignOff', data: {}, metadata: dept(URBAN, at('2024-12-17')) });
  run({ type: 'ReturnTask', data: { reason: '请补充验收报告' }, metadata: office(at('2024-12-18')) });
  run({ type: 'RequestSignOff', data: {}, metadata: dept(ECO, at('2024-12-20')) });
  run({ type: 'SignOff', data: {}, metadata: dept(URBAN, at('2024-12-23')) });
  run({ type: 'AcceptTask', data: {}, metadata: office(at('2024-12-27')) });

  expect(labels).toEqual([
    '待签收',
    '待签收',
    '办理中',
    '办理中',
    '办理中',
    '办理中',
    '办理中',
    '会签中',
    '办理中',
    '会签中',
    '待办结',
    '办理中',
    '会签中',
    '待办结',
    '已办结',
  ]);
  const final = foldTask(stream);
  if (final.status !== 'accepted') throw new Error('unreachable');
  expect(final.task.parts.get(ECO)?.acknowledged?.late).toBe(true);
  expect(final.task.milestones.get('m2')).toMatchObject({
    dueDate: '2024-12-15',
    originalDueDate: '2024-10-31',
    completion: { late: false },
  });
  expect(taskStreamId(PLAN_ID, C5.facts.code)).toBe(`task-${PLAN_ID}.C-5`);
  // The stream survives a JSON round trip (what the event store does) and folds to the same state.
  expect(foldTask(JSON.parse(JSON.stringify(stream)) as TaskEvent[])).toEqual(final);
});
