/**
 * The organisations and plans of the synthetic national history (bench/projections.history.ts):
 * one province, CITIES cities, each district `d-001` … under city `c-01` … in blocks of ten;
 * each district's plan imported as a catalogue (the bundled plan's content under the district's
 * own id, name and settings) and attached to it; each indicator reported for 2023 and confirmed
 * (and half of them again for 2024), so the city overview sets real values side by side.
 */
import { indicatorDefinitions, indicatorStreamId, ORGANISATIONS_STREAM_ID, type OrganisationEvent } from '@zw/domain';
import type { EventMetadata, EventStore, NewEvent } from '@zw/event-store';
import { importPlan, loadLianyunPlan, type Plan } from '@zw/plan';

export const DISTRICTS_PER_CITY = 10;
/** The root of the synthetic tree: its admin and leader reach every city and district. */
export const PROVINCE = 'p-1';
const pad = (n: number, width: number) => String(n).padStart(width, '0');
export const districtId = (d: number) => `d-${pad(d + 1, 3)}`;
export const cityOf = (d: number) => `c-${pad(Math.floor(d / DISTRICTS_PER_CITY) + 1, 2)}`;

function metadata(role: string, occurredAt: string, department?: string): EventMetadata {
  return {
    actorId: role,
    role,
    ...(department ? { department } : {}),
    correlationId: 'bench',
    causationId: 'bench',
    occurredAt,
  };
}

function districtPlan(base: Plan, d: number): Plan {
  const name = `合成${pad(d + 1, 3)}区`;
  return {
    ...base,
    id: districtId(d),
    title: `${name}“无废城市”建设实施方案（基准测试）`,
    region: { name, city: `合成${cityOf(d)}市`, province: '合成省' },
    settings: { ...base.settings, organisation: { name, kind: 'district' } },
  };
}

function tree(districts: number): OrganisationEvent[] {
  const at = '2023-01-02T09:00:00+08:00';
  const events: OrganisationEvent[] = [
    {
      type: 'OrganisationCreated',
      data: { organisationId: PROVINCE, name: '合成省', kind: 'province', parentId: null, createdAt: at },
    },
  ];
  const cities = Math.ceil(districts / DISTRICTS_PER_CITY);
  for (let c = 0; c < cities; c++) {
    const id = cityOf(c * DISTRICTS_PER_CITY);
    events.push({
      type: 'OrganisationCreated',
      data: { organisationId: id, name: `合成${id}市`, kind: 'city', parentId: PROVINCE, createdAt: at },
    });
  }
  for (let d = 0; d < districts; d++) {
    const organisationId = districtId(d);
    const name = `合成${pad(d + 1, 3)}区`;
    events.push({
      type: 'OrganisationCreated',
      data: { organisationId, name, kind: 'district', parentId: cityOf(d), createdAt: at },
    });
    events.push({ type: 'PlanAttached', data: { organisationId, planId: districtId(d), attachedAt: at } });
  }
  return events;
}

function indicatorEvents(plan: Plan, d: number): Array<{ streamId: string; events: NewEvent[] }> {
  return indicatorDefinitions(plan).map((def, i) => {
    const events: NewEvent[] = [];
    const department = def.responsible[0] ?? '无废办';
    const periods = (d + i) % 2 === 0 ? ['2023', '2024'] : ['2023'];
    periods.forEach((period, k) => {
      const reportedAt = `${Number(period) + 1}-01-2${k}T10:00:00+08:00`;
      const value =
        def.measure.kind === 'numeric'
          ? { kind: 'number' as const, value: (def.measure.baseline ?? 0) + ((d + i) % 5), unit: def.measure.unit }
          : { kind: 'met' as const, met: (d + i) % 3 !== 0 };
      const reportId = `r${k + 1}`;
      events.push({
        type: 'IndicatorReported',
        data: {
          indicatorId: def.id,
          reportId,
          period,
          department,
          value,
          source: '统计年报',
          evidence: [{ title: '统计年报', documentRef: `统〔${period}〕${i + 1}号` }],
          note: '',
          corrects: null,
          reportedAt,
        },
        metadata: metadata('department', reportedAt, department),
      });
      const confirmedAt = reportedAt.replace('T10', 'T15');
      events.push({
        type: 'IndicatorReportConfirmed',
        data: { reportId, period, note: '', confirmedAt },
        metadata: metadata('office', confirmedAt, '无废办'),
      });
    });
    return { streamId: indicatorStreamId(plan.id, def.id), events };
  });
}

/** Appends the tree, every district's plan and its indicator reports; answers the number of events. */
export async function writeDistricts(store: EventStore, districts: number): Promise<number> {
  const base = loadLianyunPlan();
  const treeEvents = tree(districts);
  await store.append(
    ORGANISATIONS_STREAM_ID,
    treeEvents.map((e) => ({ ...e, metadata: metadata('system', '2023-01-02T09:00:00+08:00') })),
    'no_stream',
  );
  let total = treeEvents.length;
  for (let d = 0; d < districts; d++) {
    const plan = districtPlan(base, d);
    total += (
      await importPlan(store, plan, { source: 'bench', metadata: metadata('system', '2023-01-02T09:00:00+08:00') })
    ).appended;
    for (const { streamId, events } of indicatorEvents(plan, d)) {
      await store.append(streamId, events, 'no_stream');
      total += events.length;
    }
  }
  return total;
}
