/**
 * `--help` of the operator commands, the same for each: what it does and how to run it from
 * source, from the build and in the Docker image (its entrypoint knows the command names).
 */
export interface CliHelp {
  /** The npm script and image command name, e.g. `users`. */
  readonly name: string;
  /** The compiled entry point under dist/, e.g. `apps/api/src/auth/users.cli.js`. */
  readonly script: string;
  readonly synopsis: readonly string[];
  readonly description: string;
}

export function helpText({ name, script, synopsis, description }: CliHelp): string {
  const forms = [
    ['from source', `npm run ${name} --`],
    ['built, also inside the image', `node dist/${script}`],
    ['Docker Compose', `docker compose run --rm api ${name}`],
  ];
  return [
    description,
    '',
    'usage:',
    ...synopsis.map((line) => `  ${name} ${line}`),
    '',
    'run it as:',
    ...forms.map(([where, prefix]) => `  ${prefix} <arguments>   (${where})`),
    '',
    'It opens the store the api uses: DATABASE_URL, else EVENTSTORE_CONNECTION_STRING, else',
    'DATA_DIR/events.db (default ./data). Secrets may be given as <NAME>_FILE (e.g. DATABASE_URL_FILE).',
    '',
  ].join('\n');
}

/** Prints the help and ends the process when `--help`/`-h` is among the arguments. */
export function exitOnHelp(help: CliHelp, argv: readonly string[] = process.argv.slice(2)): void {
  if (!argv.includes('--help') && !argv.includes('-h')) return;
  process.stdout.write(helpText(help));
  process.exit(0);
}
