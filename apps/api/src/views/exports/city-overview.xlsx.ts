import type { cityOverviewView } from '@zw/projections';
import { sheetOf } from './sheet';

export const CITY_OVERVIEW_HEADERS = [
  '排名',
  '区（县）',
  '计划',
  '任务总数',
  '已交办',
  '红灯',
  '黄灯',
  '绿灯',
  '办结率',
  '当前逾期事项',
  '逾期未签收',
  '逾期里程碑',
  '逾期任务',
  '逾期未报送',
] as const;

/** Each district of the city in its ranking order, the rule it was ranked by written under the table. */
export function cityOverviewXlsx(overview: ReturnType<typeof cityOverviewView>): Promise<Buffer> {
  const byId = new Map(overview.districts.map((d) => [d.organisationId, d]));
  return sheetOf(
    '城市总览',
    CITY_OVERVIEW_HEADERS,
    [6, 16, 28, 10, 10, 8, 8, 8, 10, 12, 12, 12, 10, 12],
    (sheet) => {
      for (const { rank, organisationId } of overview.ranking.districts) {
        const d = byId.get(organisationId);
        if (!d) continue;
        sheet.addRow([
          rank,
          d.name,
          d.planTitle ?? d.planId,
          d.tasks.total,
          d.tasks.assigned,
          d.tasks.red,
          d.tasks.yellow,
          d.tasks.green,
          `${Math.round(d.tasks.completionRate * 1000) / 10}%`,
          d.overdue.items,
          d.overdue.acknowledgements,
          d.overdue.milestones,
          d.overdue.tasks,
          d.overdue.reports,
        ]);
      }
      sheet.addRow([]);
      sheet.addRow([`排名规则：${overview.ranking.rule}`]);
    },
    overview.asOf,
  );
}
