import { TaskSheetError, TaskSheetTooLargeError } from '@zw/plan';
import {
  farRowSheet,
  manyRowsSheet,
  notZip,
  plainSheet,
} from '../../../../../libs/plan/src/xlsx/testing/hostile-sheets';
import { IsolatedSheetReader, SHEET_WORKER_LIMITS, SheetImportBusyError } from './isolated-task-sheet';

const TASK = ['A-1', '保障措施', '制定宣传方案', '无废办', '/', '2023'];

describe('reading an uploaded sheet in a worker thread', () => {
  it('given a valid sheet, answers its tasks as readTaskSheet would', async () => {
    const result = await new IsolatedSheetReader().read(plainSheet([TASK]));
    expect(result.tasks).toEqual([expect.objectContaining({ code: 'A-1', lead: ['无废办'], window: '2023' })]);
  }, 60_000);

  it('given a sheet whose size only the full scan finds, refuses it from the worker with the same error', async () => {
    const error = await new IsolatedSheetReader().read(farRowSheet(false)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaskSheetTooLargeError);
    expect((error as TaskSheetTooLargeError).details).toEqual({ limit: 'rows', found: 400_000, allowed: 2000 });
  }, 60_000);

  it('given bytes that are no zip, refuses them without starting a thread (400 problem)', async () => {
    await expect(new IsolatedSheetReader().read(notZip())).rejects.toBeInstanceOf(TaskSheetError);
  });

  it('given a worker that outruns its time limit, terminates it and refuses the file', async () => {
    const reader = new IsolatedSheetReader({ ...SHEET_WORKER_LIMITS, timeoutMs: 1 });
    await expect(reader.read(plainSheet([TASK]))).rejects.toMatchObject({ details: { limit: 'time' } });
  }, 60_000);

  it('given a worker that runs out of its heap, refuses the file and the process carries on', async () => {
    const reader = new IsolatedSheetReader({
      ...SHEET_WORKER_LIMITS,
      maxOldGenerationSizeMb: 4,
      maxYoungGenerationSizeMb: 1,
    });
    await expect(reader.read(manyRowsSheet(1500, false))).rejects.toMatchObject({ details: { limit: 'memory' } });
  }, 60_000);

  it('given more uploads at once than allowed, refuses the extra one as busy (503)', async () => {
    const reader = new IsolatedSheetReader({ ...SHEET_WORKER_LIMITS, concurrent: 1 });
    const first = reader.read(plainSheet([TASK]));
    await expect(reader.read(plainSheet([TASK]))).rejects.toBeInstanceOf(SheetImportBusyError);
    await expect(first).resolves.toMatchObject({ tasks: [expect.objectContaining({ code: 'A-1' })] });
  }, 60_000);
});
