import type { TaskEvent } from './task.events';
import { evolve, initialTaskState, type TaskState } from './task.state';

/** The state a task stream's events leave behind (what the application does before deciding). */
export function foldTask(events: Iterable<TaskEvent>, from: TaskState = initialTaskState()): TaskState {
  let state = from;
  for (const event of events) state = evolve(state, event);
  return state;
}
