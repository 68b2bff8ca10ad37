import type { BoardItem } from '@zw/projections';
import { LIGHT_FILLS, sheetOf } from './sheet';

/** The task board in the plan's own column style (附件3: 序号/领域/任务/牵头单位/配合单位/时限), then where each task stands. */
export const BOARD_HEADERS = [
  '序号',
  '体系',
  '领域',
  '任务',
  '牵头单位',
  '配合单位',
  '时限',
  '状态',
  '红绿灯',
  '亮灯原因',
  '到期日',
  '剩余天数',
  '签收情况',
  '里程碑',
  '当前责任方',
] as const;

export function boardXlsx(items: readonly BoardItem[], asOf: string): Promise<Buffer> {
  return sheetOf(
    '任务台账',
    BOARD_HEADERS,
    [8, 14, 14, 48, 20, 28, 12, 8, 8, 48, 12, 10, 36, 48, 36],
    (sheet) => {
      for (const item of items) {
        const names = (role: string) =>
          item.departments
            .filter((d) => d.role === role)
            .map((d) => d.name)
            .join('、');
        const row = sheet.addRow([
          item.code,
          item.system,
          item.area,
          item.title,
          names('lead'),
          names('cooperating'),
          item.window,
          item.statusLabel,
          item.light.label,
          item.light.reasons.map((r) => r.text).join('；'),
          item.dueDate ?? '',
          item.daysLeft ?? '',
          item.departments.map((d) => `${d.name}：${d.acknowledgementLabel}`).join('\n'),
          item.milestones.map((m) => `${m.title}（${m.owner}，${m.dueDate}，${m.statusLabel}）`).join('\n'),
          item.currentResponsible.map((m) => `${m.party}：${m.action}`).join('\n'),
        ]);
        row.alignment = { vertical: 'top', wrapText: true };
        const fill = item.light.colour ? LIGHT_FILLS[item.light.colour] : undefined;
        if (fill) row.getCell(9).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      }
    },
    asOf,
  );
}
