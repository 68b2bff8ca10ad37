import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TASK_EVENTS } from './task.catalogue';
import type { TaskEventType } from './task.events';
import { STATUS_LABELS } from './task.state';
import { renderDatedTable, renderErrorTable, renderOngoingTable } from './testing/state-machine.table';

/** docs/task-state-machine.md states what the code does: its tables are the code's, verbatim. */
const DOC = readFileSync(join(__dirname, '../../../../docs/task-state-machine.md'), 'utf8');

// The catalogue is a Record over the union: a new event type is listed there or fails to compile.
const EVENT_TYPES = Object.fromEntries(
  Object.entries(TASK_EVENTS).filter(([, info]) => info.kind === 'workflow'),
) as Record<TaskEventType, unknown>;

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
