import { indicatorStreamId } from '@zw/domain';
import type { RecordedEvent } from '@zw/event-store';
import { deserialize, serialize } from 'node:v8';
import { canonical } from '../testing/history';
import { TaskRowsModel } from './task-rows.model';

const STREAM = indicatorStreamId('qinglan-2023-2026', '1');
const at = '2024-04-01T10:00:00+08:00';
let position = 0n;
const recorded = (revision: number, type: string, data: unknown): RecordedEvent => ({
  id: `e${revision}`,
  streamId: STREAM,
  type,
  data,
  metadata: { actorId: 'u', role: 'office', correlationId: 'c', causationId: 'c', occurredAt: at },
  revision: BigInt(revision),
  position: ++position,
  recordedAt: at,
});

describe('indicator rows in the live model', () => {
  const model = new TaskRowsModel();
  model.apply(
    recorded(0, 'IndicatorReported', {
      indicatorId: '1',
      reportId: 'r1',
      period: '2024-Q1',
      department: '区城管局',
      value: { kind: 'number', value: 96, unit: '%' },
      source: '台账',
      evidence: [{ title: '台账', documentRef: '青城管〔2024〕1号' }],
      note: '',
      corrects: null,
      reportedAt: at,
    }),
  );
  model.apply(
    recorded(1, 'IndicatorReportConfirmed', { reportId: 'r1', period: '2024-Q1', note: '', confirmedAt: at }),
  );
  model.apply(
    recorded(2, 'ReminderSent', {
      deliveryId: 'd1',
      rule: 'before-due',
      department: '区城管局',
      channel: 'inapp',
      recipient: '区城管局',
      target: { kind: 'indicator', indicatorId: '1', period: '2024' },
      dueDate: '2025-01-31',
      message: '请报送',
      sentAt: at,
    }),
  );
  model.apply(recorded(3, 'IndicatorSomethingNewer', { any: 'thing' }));

  it('hold the domain’s own state, the reminders and the revision; unknown types are skipped, not fatal', () => {
    const [row] = model.indicatorRows('qinglan-2023-2026');
    expect(row).toMatchObject({ indicatorId: '1', revision: 3 });
    expect(row!.state.reports.get('r1')).toMatchObject({ status: 'confirmed', value: { value: 96 } });
    expect(row!.deliveryCounts.get('区城管局')).toMatchObject({ ReminderSent: 1 });
    expect(model.skippedCount).toBe(0);
    expect(model.indicatorRows('other-plan')).toEqual([]);
  });

  it('survive a snapshot round trip', () => {
    const restored = TaskRowsModel.fromSnapshot(deserialize(serialize(model.toSnapshot())));
    // Compared as canonical text: v8 deserialises Maps of the node realm, not Jest's.
    expect(canonical(restored.indicatorRows('qinglan-2023-2026'))).toEqual(
      canonical(model.indicatorRows('qinglan-2023-2026')),
    );
  });
});
