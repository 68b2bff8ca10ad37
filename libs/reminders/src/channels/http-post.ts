/** POSTs JSON and returns the parsed answer; a non-2xx status or a timeout is an error naming it. */
export async function postJson(
  url: string,
  body: unknown,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<unknown> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: text,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const answer = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} from ${origin(url)}: ${answer.slice(0, 200)}`);
  try {
    return answer === '' ? undefined : (JSON.parse(answer) as unknown);
  } catch {
    return answer;
  }
}

/** Robot URLs carry their key in the query: errors name the host only. */
export function origin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'invalid URL';
  }
}

/** WeCom and DingTalk robots answer 200 with `errcode` ≠ 0 when they refuse a message. */
export function assertRobotAccepted(answer: unknown, robot: string): void {
  const { errcode, errmsg } = (answer ?? {}) as { errcode?: number; errmsg?: string };
  if (errcode !== 0)
    throw new Error(`${robot} robot refused the message: errcode ${String(errcode)} ${errmsg ?? ''}`.trim());
}
