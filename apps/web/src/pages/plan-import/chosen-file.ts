/** The file the office picked, checked in the browser before anything is sent. */
export type ChosenFile =
  | {
      kind: 'json';
      name: string;
      size: number;
      plan: { id: string; planVersion?: string; title?: string; tasks: number };
      body: unknown;
    }
  | { kind: 'xlsx'; name: string; size: number; file: File };

export type Checked = { ok: true; chosen: ChosenFile } | { ok: false; message: string };

/** The api's body limits (apps/api/src/configure-http.ts): a larger file is refused before upload. */
const LIMITS = { json: 1024 * 1024, xlsx: 10 * 1024 * 1024 };

export function kindOf(name: string): 'json' | 'xlsx' | undefined {
  const lower = name.toLowerCase();
  return lower.endsWith('.json') ? 'json' : lower.endsWith('.xlsx') ? 'xlsx' : undefined;
}

/** Reads and checks a picked file: its kind, its size, and for a plan file that it is a plan at all. */
export async function checkFile(file: File): Promise<Checked> {
  const kind = kindOf(file.name);
  if (!kind) return { ok: false, message: '只能导入 .json 计划文件或 .xlsx 任务清单表格' };
  if (file.size > LIMITS[kind]) return { ok: false, message: `文件超过 ${kind === 'json' ? '1' : '10'} MB，无法导入` };
  if (kind === 'xlsx') return { ok: true, chosen: { kind, name: file.name, size: file.size, file } };
  return checkPlanText(file.name, file.size, await file.text());
}

export function checkPlanText(name: string, size: number, text: string): Checked {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, message: '文件不是有效的 JSON 格式，请检查后重新选择' };
  }
  const plan = body as { id?: unknown; planVersion?: unknown; title?: unknown; tasks?: unknown } | null;
  if (!plan || typeof plan !== 'object' || Array.isArray(plan))
    return { ok: false, message: '文件内容不是计划文件（应为一个 JSON 对象）' };
  if (typeof plan.id !== 'string' || !plan.id.trim()) return { ok: false, message: '计划文件缺少计划编号（id）' };
  const textOf = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return {
    ok: true,
    chosen: {
      kind: 'json',
      name,
      size,
      body,
      plan: {
        id: plan.id,
        planVersion: textOf(plan.planVersion),
        title: textOf(plan.title),
        tasks: Array.isArray(plan.tasks) ? plan.tasks.length : 0,
      },
    },
  };
}
