import { readFileSync } from 'node:fs';

/**
 * Every variable that holds a secret (a key, or a URL with a password or a robot key in it).
 * Each also reads from `<NAME>_FILE`, a path to a file holding the value, as Docker and
 * Kubernetes secrets provide it (`/run/secrets/…`), so it never shows in `docker inspect` or
 * the process environment. REMINDER_RECIPIENTS_FILE (robot URLs) is read by the reminder
 * configuration itself and not listed here.
 */
export const SECRET_VARIABLES = [
  'JWT_SECRET',
  'DATABASE_URL',
  'EVENTSTORE_CONNECTION_STRING',
  'REDIS_URL',
  'SMTP_URL',
  'REMINDER_WEBHOOK_SECRET',
] as const;

/**
 * The environment with each `<NAME>_FILE` read into `<NAME>` (one trailing newline dropped, as
 * `echo` and editors leave it). Setting both, or a file that cannot be read, is a problem named
 * with the variable; the file's content is never quoted.
 */
export function withSecretFiles(env: NodeJS.ProcessEnv, problems: string[]): NodeJS.ProcessEnv {
  const resolved: NodeJS.ProcessEnv = { ...env };
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    if (file === undefined || file === '') continue;
    if (env[name] !== undefined && env[name] !== '') {
      problems.push(`${name} and ${name}_FILE are both set: set one of them`);
      continue;
    }
    try {
      resolved[name] = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      problems.push(`${name}_FILE="${file}" cannot be read: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  return resolved;
}
