import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TaskEventType } from './task.events';
import { STATUS_LABELS } from './task.state';
import { renderDatedTable, renderErrorTable, renderOngoingTable } from './testing/state-machine.table';

/** docs/task-state-machine.md states what the code does: its tables are the code's, verbatim. */
const DOC = readFileSync(join(__dirname, '../../../../docs/task-state-machine.md'), 'utf8');

// A Record over the union: adding an event type without listing it here fails to compile.
const EVENT_TYPES: Record<TaskEventType, true> = {
  TaskAssigned: true,
  TaskCreated: true,
  TaskAcknowledged: true,
  ProgressReported: true,
  PeriodicReportSubmitted: true,
  MilestoneCompleted: true,
  MilestoneReopened: true,
  MilestoneAdded: true,
  MilestoneRemoved: true,
  SignOffRequested: true,
  SignedOff: true,
  SignOffObjected: true,
  TaskAccepted: true,
  TaskReturned: true,
  ExtensionRequested: true,
  ExtensionApproved: true,
  ExtensionRejected: true,
  TaskReassigned: true,
  TaskCancelled: true,
};

describe('docs/task-state-machine.md', () => {
  it('holds the transition table of a dated task as the code decides it', () => {
    expect(DOC).toContain(renderDatedTable());
  });

  it('holds the transition table of an ongoing task as the code decides it', () => {
    expect(DOC).toContain(renderOngoingTable());
  });

  it('lists every error code with its kind and message', () => {
    expect(DOC).toContain(renderErrorTable());
  });

  it.each(Object.keys(EVENT_TYPES))('describes the event %s', (type) => {
    expect(DOC).toMatch(new RegExp(`^\\| [^|]*\\b${type}\\b`, 'm'));
  });

  it('labels every status in Chinese', () => {
    expect(STATUS_LABELS).toEqual({
      unassigned: '待交办',
      assigned: '待签收',
      in_progress: '办理中',
      sign_off_requested: '会签中',
      awaiting_acceptance: '待办结',
      accepted: '已办结',
      cancelled: '已撤销',
    });
    for (const [status, label] of Object.entries(STATUS_LABELS)) expect(DOC).toContain(`| \`${status}\` | ${label} |`);
  });
});
