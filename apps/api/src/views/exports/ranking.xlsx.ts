import type { rankingView } from '@zw/projections';
import { sheetOf } from './sheet';

export const RANKING_HEADERS = [
  '排名',
  '单位',
  '牵头任务',
  '配合任务',
  '当前逾期事项',
  '逾期未签收',
  '逾期里程碑',
  '逾期任务',
  '按时完成',
  '逾期完成',
  '按时完成率',
  '平均签收用时（天）',
  '催办次数',
  '督办次数',
] as const;

/** The 考核 ranking with the rule it was ranked by written under the table. */
export function rankingXlsx(ranking: ReturnType<typeof rankingView>): Promise<Buffer> {
  return sheetOf(
    '考核排名',
    RANKING_HEADERS,
    [6, 28, 10, 10, 12, 12, 12, 10, 10, 10, 12, 16, 10, 10],
    (sheet) => {
      for (const { rank, department, figures: f } of ranking.departments) {
        sheet.addRow([
          rank,
          department,
          f.led,
          f.supported,
          f.overdueItems,
          f.overdueAcknowledgements,
          f.milestonesOverdue,
          f.tasksOverdue,
          f.completedOnTime,
          f.completedLate,
          f.onTimeRate === null ? '' : `${Math.round(f.onTimeRate * 1000) / 10}%`,
          f.averageAcknowledgementDays ?? '',
          f.reminders,
          f.escalations,
        ]);
      }
      sheet.addRow([]);
      sheet.addRow([`排名规则：${ranking.rule}`]);
    },
    ranking.asOf,
  );
}
