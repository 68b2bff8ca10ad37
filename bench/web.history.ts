/**
 * The history `npm run bench:web` measures against, made through the api as people would: every
 * task of the Lianyun plan 交办 with the plan's defaults, 签收 by each department, a year of
 * monthly progress reports by the lead and the first milestone completed with 佐证材料 on every
 * other task (the rest keep their work open, so 我的待办 and the lights have something to show).
 * Tasks without a department that can log in (open-ended rows) are skipped and listed.
 */
import { Accounts, PASSWORD } from '../test/browser/support/accounts';

interface Row {
  code: string;
  lead: string[];
  cooperating: string[];
}

export interface History {
  tasks: number;
  commands: number;
  skipped: string[];
  /** A department with work to do in 我的待办 (the lead of the most tasks). */
  busiest: string;
}

export async function makeHistory(accounts: Accounts, username: (department: string) => string): Promise<History> {
  await accounts.ready('office.bench', '无废办', 'office');
  const office = (await accounts.login('office.bench', PASSWORD)).accessToken;
  const rows = await accounts.json<Row[]>('GET', '/plans/lianyun-2022-2025/tasks', undefined, office);
  const departments = [...new Set(rows.flatMap((r) => [...r.lead, ...r.cooperating]))].filter((d) => d !== '无废办');
  const tokens = new Map<string, string>();
  for (const department of departments) {
    await accounts.ready(username(department), department, 'department', department).catch(() => undefined);
    const login = await accounts.login(username(department), PASSWORD).catch(() => undefined);
    if (login) tokens.set(department, login.accessToken);
  }
  let commands = 0;
  const skipped: string[] = [];
  const send = async (method: string, path: string, body: unknown, token: string) => {
    commands++;
    return accounts.json<Record<string, unknown>>(method, path, body, token);
  };
  const leads = new Map<string, number>();
  for (const [i, row] of rows.entries()) {
    const parts = [...row.lead, ...row.cooperating].filter((d) => tokens.has(d));
    const lead = row.lead.find((d) => tokens.has(d));
    if (!lead) {
      skipped.push(row.code);
      continue;
    }
    try {
      await send('POST', `/tasks/${row.code}/assignment`, {}, office);
      for (const d of parts) await send('POST', `/tasks/${row.code}/acknowledgements`, undefined, tokens.get(d)!);
      // Every other task is left with its work to do, so 我的待办 and the lights have something to show.
      if (i % 2 === 1) continue;
      leads.set(lead, (leads.get(lead) ?? 0) + 1);
      for (let month = 1; month <= 12; month++) {
        const body = { text: `第 ${month} 月：按计划推进`, percent: Math.min(100, month * 8) };
        await send('POST', `/tasks/${row.code}/progress-reports`, body, tokens.get(lead)!);
      }
      const task = await accounts.json<{ milestones: { milestoneId: string }[] }>(
        'GET',
        `/tasks/${row.code}`,
        undefined,
        office,
      );
      const first = task.milestones[0];
      if (first) {
        const evidence = [{ title: '阶段成果', documentRef: `连环发〔2023〕${i}号` }];
        await send(
          'POST',
          `/tasks/${row.code}/milestones/${first.milestoneId}/completion`,
          { evidence },
          tokens.get(lead)!,
        );
      }
    } catch (error) {
      skipped.push(`${row.code} (${(error as Error).message.slice(0, 80)})`);
    }
  }
  const busiest = [...leads].sort((a, b) => b[1] - a[1])[0]?.[0] ?? departments[0]!;
  return { tasks: rows.length, commands, skipped, busiest };
}
