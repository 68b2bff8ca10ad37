import type { components } from '../../api/schema';

/** GET /overview as the 总览 charts read it (the generated type of its schema). */
type Overview = components['schemas']['Overview'];

/** The bar chart of tasks by 体系, stacked by light, each colour named in the legend (never colour alone). */
export function systemChart(overview: Overview) {
  const systems = overview.bySystem.map((s) => s.system);
  const series = (name: string, key: 'red' | 'yellow' | 'green', color: string) => ({
    name,
    type: 'bar' as const,
    stack: 'light',
    color,
    data: overview.bySystem.map((s) => s[key]),
  });
  const notStarted = {
    name: '未交办',
    type: 'bar' as const,
    stack: 'light',
    color: '#bfbfbf',
    data: overview.bySystem.map((s) => s.total - s.assigned),
  };
  const done = {
    name: '已办结',
    type: 'bar' as const,
    stack: 'light',
    color: '#0b6e4f',
    data: overview.bySystem.map((s) => s.accepted),
  };
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: systems },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      series('红', 'red', '#cf1322'),
      series('黄', 'yellow', '#d48806'),
      series('绿', 'green', '#389e0d'),
      done,
      notStarted,
    ],
  };
}

export function overdueChart(overview: Overview) {
  const rows = [...overview.overdueByDepartment].sort((a, b) => b.overdueItems - a.overdueItems).slice(0, 15);
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => r.department).reverse() },
    series: [{ name: '逾期事项', type: 'bar', color: '#cf1322', data: rows.map((r) => r.overdueItems).reverse() }],
  };
}
