import type { Plan } from './plan.schema';
import { parseTimeWindow } from './time-window';
import { finding, type Finding } from './validation.findings';

/** Keys that identify rows; a duplicate would make two rows answer to one code. */
function duplicates(collection: string, keys: readonly (string | number)[], label: string): Finding[] {
  const seen = new Map<string, number[]>();
  keys.forEach((key, i) => seen.set(String(key), [...(seen.get(String(key)) ?? []), i]));
  return [...seen.entries()]
    .filter(([, indexes]) => indexes.length > 1)
    .map(([key, indexes]) =>
      finding('error', 'DUPLICATE_CODE', `${label}“${key}”重复出现${indexes.length}次`, {
        collection,
        key,
        paths: indexes.map((i) => `${collection}[${i}]`),
      }),
    );
}

/**
 * Codes inside a system are numbered 1…n. A gap would mean a row was lost in transcription;
 * its absence tells the reader that a short count is the plan's own, not ours.
 */
function codeGaps(plan: Plan): Finding[] {
  return plan.systems.flatMap((system) => {
    const numbers = plan.tasks
      .map((t) => /^([A-Z])-(\d+)$/.exec(t.code))
      .filter((m): m is RegExpExecArray => m !== null && m[1] === system.code)
      .map((m) => Number(m[2]))
      .sort((a, b) => a - b);
    const max = numbers[numbers.length - 1] ?? 0;
    const missing: string[] = [];
    for (let n = 1; n <= max; n++) if (!numbers.includes(n)) missing.push(`${system.code}-${n}`);
    if (missing.length === 0) return [];
    return [
      finding('warning', 'TASK_CODE_GAP', `“${system.name}”任务编号不连续，缺少${missing.join('、')}`, {
        system: system.name,
        missing,
      }),
    ];
  });
}

function windowFindings(plan: Plan): Finding[] {
  const rows = [
    ...plan.tasks.map((t, i) => ({ raw: t.window, path: `tasks[${i}].window`, label: `任务${t.code}时间` })),
    ...plan.projects.map((p, i) => ({
      raw: p.period,
      path: `projects[${i}].period`,
      label: `项目第${p.no}项建设期限`,
    })),
  ];
  return rows.flatMap(({ raw, path, label }) => {
    const parsed = parseTimeWindow(raw);
    if (parsed.ok) return [];
    return [finding('error', 'UNKNOWN_WINDOW', `${label}：${parsed.error.message}`, { raw, path })];
  });
}

export function structureFindings(plan: Plan): Finding[] {
  return [
    ...duplicates(
      'tasks',
      plan.tasks.map((t) => t.code),
      '任务编号',
    ),
    ...duplicates(
      'indicators',
      plan.indicators.map((x) => x.no),
      '指标序号',
    ),
    ...duplicates(
      'projects',
      plan.projects.map((p) => p.no),
      '项目序号',
    ),
    ...duplicates(
      'departments',
      plan.departments.map((d) => d.name),
      '部门名称',
    ),
    ...codeGaps(plan),
    ...windowFindings(plan),
    ...settingLinks(plan),
  ];
}

/**
 * A default task link of the settings to a code the task list no longer has (a task sheet may
 * replace the list): not fatal — the link simply is not made — but the office should know.
 */
function settingLinks(plan: Plan): Finding[] {
  const codes = new Set(plan.tasks.map((t) => t.code));
  return plan.settings.indicators.flatMap((setting, i) =>
    (setting.tasks ?? [])
      .filter((code) => !codes.has(code))
      .map((code) =>
        finding('warning', 'SETTING_UNKNOWN_TASK', `指标${setting.no}的默认关联任务 ${code} 不在任务清单中，未关联`, {
          path: `settings.indicators[${i}].tasks`,
          indicator: setting.no,
          code,
        }),
      ),
  );
}
