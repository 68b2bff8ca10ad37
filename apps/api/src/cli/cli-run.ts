import { DomainError } from '@zw/domain';
import { parseArgs } from 'node:util';

/**
 * What every operator command shares once `--help` is handled (cli-help.ts): a command word and
 * an id or name as positionals with `--option value` strings, a refusal of the domain printed as
 * "refused, nothing written" (exit 1), a usage problem printed with the usage line (exit 2), and
 * the exit code of `main` as the process's.
 */
export function commandLine<const K extends string>(
  options: readonly K[],
  args: readonly string[] = process.argv.slice(2),
): { command: string | undefined; subject: string | undefined; values: Partial<Record<K, string>> } {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: Object.fromEntries(options.map((name) => [name, { type: 'string' as const }])),
  });
  return { command: positionals[0], subject: positionals[1], values: values as Partial<Record<K, string>> };
}

/** Prints the problem and the usage line; exit code 2. */
export function usageProblem(usage: string, problem: string): number {
  process.stderr.write(`${problem}\n${usage}\n`);
  return 2;
}

/**
 * A refusal of the domain (or one of the command's own `expected` errors) is the command's
 * answer, exit 1; anything else is a crash and is thrown on.
 */
export function refusal(
  error: unknown,
  expected: ReadonlyArray<abstract new (...args: never[]) => Error> = [],
): number {
  if (error instanceof DomainError) process.stderr.write(`refused, nothing written: ${error.code} ${error.message}\n`);
  else if (expected.some((type) => error instanceof type))
    process.stderr.write(`refused, nothing written: ${(error as Error).message}\n`);
  else throw error;
  return 1;
}

/** Runs `main` and exits with its code; a crash prints its stack and exits with `crashCode`. */
export function runCli(main: () => Promise<number>, crashCode = 1): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(crashCode);
    },
  );
}
