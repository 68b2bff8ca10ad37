/**
 * npm run users -- <command>: accounts from the server's shell, on the configured event store.
 *
 *   bootstrap [--username admin] [--name 系统管理员] [--organisation <id>]   the first admin; prints its one-time password
 *   list
 *   create <username> --role office|department|leader|admin --name <姓名> [--department <单位>] [--organisation <id>] --as <admin>
 *   disable <username> --reason <理由> --as <admin>
 *   enable <username> --as <admin>
 *   reset-password <username> --as <admin>              prints a one-time password
 *
 * Shell access to the server is the proof here, as for plan:import; `--as` names the admin
 * account the events are recorded under (it must be an active admin). Generated passwords are
 * printed once and stored only as scrypt hashes. `--organisation` binds the account to an
 * organisation (a district, a city: `npm run organisations -- list`); unset, the default one
 * (DEFAULT_ORGANISATION_ID), so a single district needs no more than before. The shell may bind
 * an account anywhere; over HTTP an admin reaches only its organisation and those below.
 */
import { hashPassword, isUserRole, loginName, USER_STATUS_LABELS, type UserCommand } from '@zw/auth';
import { clockFor, loadConfigOrExit } from '@zw/config';
import { ORGANISATIONS_STREAM_ID } from '@zw/domain';
import { openEventStore } from '@zw/event-store';
import { plainRequest } from '../commands/command-request';
import { send, stream, type Data } from '../commands/commands';
import { localCommands } from '../commands/local-commands';
import { StreamCache } from '../commands/stream-cache';
import { AdminExistsError, bootstrapAdmin } from './users/bootstrap-admin';
import { temporaryPassword } from './users/passwords';
import { UserAccounts } from './users/user-accounts';
import { exitOnHelp } from '../cli/cli-help';
import { commandLine, refusal, runCli, usageProblem } from '../cli/cli-run';
// Before anything opens the store: --help works without configuration.
exitOnHelp({
  name: 'users',
  script: 'apps/api/src/auth/users.cli.js',
  synopsis: [
    'bootstrap [--username admin] [--name 系统管理员]   the first admin; prints its one-time password',
    'list',
    'create <username> --role office|department|leader|admin --name <姓名> [--department <单位>] --as <admin>',
    'disable <username> --reason <理由> --as <admin>',
    'enable <username> --as <admin>',
    'reset-password <username> --as <admin>   prints a one-time password',
  ],
  description:
    "Accounts from the server's shell (shell access is the proof; --as names the admin the events are recorded under).",
});

const USAGE =
  'usage: npm run users -- bootstrap [--username admin] [--name 名称] | list | create <username> --role <role> --name <姓名> [--department <单位>] [--organisation <id>] --as <admin> | disable <username> --reason <理由> --as <admin> | enable <username> --as <admin> | reset-password <username> --as <admin>';

async function main(): Promise<number> {
  const { command, subject, values } = commandLine([
    'username',
    'name',
    'role',
    'department',
    'organisation',
    'reason',
    'as',
  ]);
  const config = loadConfigOrExit();
  const clock = clockFor(config);
  const store = openEventStore(config, clock);
  const streams = new StreamCache(store);
  const accounts = new UserAccounts(store, streams);
  const commands = localCommands(store, clock, streams);
  const print = (line: string) => process.stdout.write(`${line}\n`);
  const organisationId = values.organisation ?? config.defaultOrganisationId;
  // A new account's login name is scoped by organisation (`zhang@qinglan` outside the default one).
  const newName = (name: string | undefined) => name && loginName(name, organisationId, config.defaultOrganisationId);
  const username = command === 'create' ? newName(subject) : subject;
  // The default organisation may not exist yet (the api's first start creates it); any other must.
  const knownOrganisation = async () =>
    organisationId === config.defaultOrganisationId ||
    (await streams.load('organisation', ORGANISATIONS_STREAM_ID)).state.nodes.has(organisationId);
  try {
    if ((command === 'bootstrap' || command === 'create') && !(await knownOrganisation()))
      return usage(`no organisation "${organisationId}" (npm run organisations -- list)`);
    if (command === 'bootstrap') {
      const name = newName(values.username ?? 'admin');
      if (!name) return usage(`--username may end only in @${organisationId}`);
      const secret = await bootstrapAdmin(accounts, commands, name, organisationId, values.name);
      print(`created admin "${name}". One-time password (shown only now; log in and change it): ${secret}`);
      return 0;
    }
    if (command === 'list') {
      for (const s of await accounts.list())
        print(
          [
            s.user.username,
            s.user.role,
            s.user.organisationId ?? '-',
            s.user.department ?? '-',
            USER_STATUS_LABELS[s.status],
            s.user.displayName,
          ].join('\t'),
        );
      return 0;
    }
    if (subject && !username) return usage(`<username> may end only in @${organisationId}`);
    if (!username || !['create', 'disable', 'enable', 'reset-password'].includes(command ?? ''))
      return usage('unknown command or missing <username>');
    const admin = await accounts.load(values.as ?? '');
    if (admin.status !== 'active' || admin.user.role !== 'admin')
      return usage('--as must name an active admin account');
    const asAdmin = plainRequest({ id: admin.user.username, role: 'admin' }, undefined, 'cli');
    const run = <T extends UserCommand['type']>(type: T, data: Data<UserCommand, T>) =>
      send(commands, asAdmin, stream.user(username), type, data);
    if (command === 'create') {
      if (!isUserRole(values.role) || !values.name) return usage('create needs --role and --name');
      const password = temporaryPassword(username);
      await run('CreateUser', {
        username,
        displayName: values.name,
        role: values.role,
        department: values.department,
        organisationId,
        passwordHash: await hashPassword(password),
      });
      print(
        `created ${values.role} "${username}" in ${organisationId}. One-time password (the user must change it): ${password}`,
      );
    } else if (command === 'disable') {
      await run('DisableUser', { reason: values.reason ?? '' });
      print(`disabled "${username}"; its sessions are revoked`);
    } else if (command === 'enable') {
      await run('EnableUser', {});
      print(`enabled "${username}"`);
    } else {
      const password = temporaryPassword(username);
      const passwordHash = await hashPassword(password);
      await run('ChangePassword', { passwordHash });
      print(`reset the password of "${username}"; its sessions are revoked. One-time password: ${password}`);
    }
    return 0;
  } catch (error) {
    return refusal(error, [AdminExistsError]);
  } finally {
    await store.close();
  }
}

function usage(problem: string): number {
  return usageProblem(USAGE, problem);
}

runCli(main);
