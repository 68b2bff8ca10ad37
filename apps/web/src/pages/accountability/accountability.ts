import type { components } from '../../api/schema';

/**
 * How the 单位责任 page lays out GET /departments/:department/accountability (the generated type
 * of its schema): the figures, then one list per kind of item.
 */
export type Accountability = components['schemas']['Accountability'];
type Figures = Accountability['figures'];

const rate = (value: number | null) => (value === null ? '—' : `${Math.round(value * 100)}%`);
const days = (value: number | null) => (value === null ? '—' : `${value} 天`);

/** The figures as people read them, each with its label; 逾期 figures are marked to stand out. */
export function figureCards(f: Figures): { label: string; value: string; warn?: boolean }[] {
  return [
    { label: '牵头任务', value: String(f.led) },
    { label: '配合任务', value: String(f.supported) },
    { label: '待签收', value: String(f.pendingAcknowledgements) },
    { label: '逾期事项', value: String(f.overdueItems), warn: f.overdueItems > 0 },
    { label: '临期里程碑', value: String(f.milestonesDueSoon) },
    { label: '按时完成', value: String(f.completedOnTime) },
    { label: '逾期完成', value: String(f.completedLate), warn: f.completedLate > 0 },
    { label: '按时完成率', value: rate(f.onTimeRate) },
    { label: '平均签收用时', value: days(f.averageAcknowledgementDays) },
    { label: '催办', value: String(f.reminders) },
    { label: '督办', value: String(f.escalations), warn: f.escalations > 0 },
  ];
}

export interface Line {
  code: string;
  text: string;
  late: boolean;
}

/** Every list of the page, in the order a department works through them; empty lists included. */
export function accountabilitySections(a: Accountability): { title: string; lines: Line[] }[] {
  const line = (code: string, text: string, late = false): Line => ({ code, text, late });
  return [
    {
      title: '当前待办',
      lines: a.currentResponsible.map((m) =>
        line(m.code, `${m.action}${m.dueDate ? `，期限 ${m.dueDate}` : ''}${m.overdue ? '，已逾期' : ''}`, m.overdue),
      ),
    },
    {
      title: '待签收',
      lines: a.pendingAcknowledgements.map((p) =>
        line(p.code, `${p.title}（签收期限 ${p.acknowledgeBy}${p.overdue ? '，已逾期' : ''}）`, p.overdue),
      ),
    },
    {
      title: '逾期里程碑',
      lines: a.milestonesOverdue.map((m) =>
        line(m.code, `${m.title}（期限 ${m.dueDate}，逾期 ${m.daysOverdue} 天）`, true),
      ),
    },
    {
      title: '逾期任务',
      lines: a.tasksOverdue.map((t) => line(t.code, `${t.title}（期限 ${t.dueDate}，逾期 ${t.daysOverdue} 天）`, true)),
    },
    {
      title: '逾期未报送',
      lines: a.reportsOverdue.map((r) =>
        line(r.code, `${r.period} 进展（应于 ${r.dueBy} 前报送，逾期 ${r.daysOverdue} 天）`, true),
      ),
    },
    {
      title: '临期里程碑',
      lines: a.milestonesDueSoon.map((m) => line(m.code, `${m.title}（期限 ${m.dueDate}，剩余 ${m.daysLeft} 天）`)),
    },
    { title: '牵头任务', lines: a.tasksLed.map((t) => line(t.code, `${t.title}（${t.statusLabel}）`)) },
    { title: '配合任务', lines: a.tasksSupported.map((t) => line(t.code, `${t.title}（${t.statusLabel}）`)) },
    {
      title: '已完成',
      lines: a.completed.map((c) =>
        line(
          c.code,
          `${c.kind === 'task' ? '任务' : '里程碑'}“${c.title}”于 ${c.completedAt.slice(0, 10)} 完成（期限 ${c.dueDate}${c.late ? '，逾期' : ''}）`,
          c.late,
        ),
      ),
    },
    {
      title: '催办督办记录',
      lines: a.deliveries.map((d) => line(d.code, `${d.at.slice(0, 10)} ${d.typeLabel}`, d.typeLabel === '督办')),
    },
  ];
}
