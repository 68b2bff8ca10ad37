/** The api's error body: `{ statusCode, code, message, details? }`, message in Chinese. */
export interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string | string[];
  currentRevision?: string;
  details?: FieldList | { fields?: FieldList; currentRevision?: string; [key: string]: unknown };
}

/** Field errors: `{ field, message }` (or `reason` in the older shape). */
type FieldList = { field: string; message?: string; reason?: string }[];

/** A refused or failed request, carrying what a person should read. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(userMessage(status, body));
  }

  get code(): string | undefined {
    return this.body.code;
  }

  /** Field errors for a form: field name → Chinese message. */
  get fields(): Record<string, string> {
    const out: Record<string, string> = {};
    const details = this.body.details;
    const list = Array.isArray(details) ? details : (details?.fields ?? []);
    for (const f of list) {
      const text = f.message ?? f.reason;
      // Only Chinese reaches the form; an English reason falls back to the overall message.
      out[f.field] = text && /[\u4e00-\u9fff]/.test(text) ? text : this.message;
    }
    return out;
  }

  /** The task changed since it was read (If-Match refused): reload it, keep what was typed. */
  get stale(): boolean {
    // TASK.STALE, INDICATOR.STALE …: the If-Match was outdated. Other 409s carry currentRevision
    // too (the revision a refusal was decided on) but are refusals, not stale edits.
    const code = this.body.code ?? '';
    return this.status === 409 && (/\.STALE$/.test(code) || code === 'EVENT_STORE.CONCURRENCY');
  }
}

/** What to show: the api's own Chinese message, else a plain sentence for the status. */
export function userMessage(status: number, body: ErrorBody): string {
  const message = Array.isArray(body.message) ? body.message.join('；') : body.message;
  if (message && /[\u4e00-\u9fff]/.test(message)) return message;
  if (status === 0) return '无法连接服务器，请检查网络后重试';
  if (status === 401) return '登录已过期，请重新登录';
  if (status === 403) return '没有权限执行此操作';
  if (status === 404) return '未找到相关内容';
  if (status === 409) return '任务已被他人更新，已重新加载';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status >= 500) return '服务暂时不可用，请稍后再试';
  return '请求未成功，请检查填写内容';
}
