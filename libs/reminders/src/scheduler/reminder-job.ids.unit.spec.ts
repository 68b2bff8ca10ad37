import { deterministicUuid, reminderJobId } from './reminder-job.ids';

/**
 * Job and event ids are stored (BullMQ job ids, event ids in the log): a change of how they
 * are hashed would schedule every reminder again after an upgrade. Pinned to the values the
 * first release derived with `createHash('sha256')`.
 */
describe('deterministic reminder ids', () => {
  it('derives the job id of a reminder as it always has', () => {
    const id = reminderJobId('task-lianyun-2022-2025.C-5', { key: 'overdue/m-m1/连云生态环境局/2024-06-30/7' });
    expect(id).toBe('r-d509ecce71b5726981ebde4bef89389fd564b8ec');
  });

  it('derives the event id of a delivery as it always has', () => {
    const hex = '4019787c71181edefc9723c81a43bd24e7537d65c58320997a7464b3886b740a';
    const id = deterministicUuid(
      'task-lianyun-2022-2025.C-5/before-due/m-m1/连云生态环境局/2024-06-30/7/inapp/连云生态环境局',
    );
    expect(id).toBe(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`,
    );
  });
});
