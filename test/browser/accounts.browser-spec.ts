import { runCli } from '../support/processes';
import { chromiumAvailable } from './support/chromium';
import { createAccount, logIn, newPage, oneTimePassword } from './support/console';
import { consoleSuite } from './support/suite';

const run = chromiumAvailable() ? describe : describe.skip;
// A build, an api process and a browser on a shared 2-core machine: generous limits, no timing asserted.
jest.setTimeout(300_000);
const CITY = 'lyg';
const CITY_ADMIN = `city.admin@${CITY}`;

/** A CLI of the server's shell on the running stack's data; its output, or a failure naming it. */
async function shell(entry: string, dataDir: string, args: string[]): Promise<string> {
  const env = { DATA_DIR: dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'test', CLOCK_START: '2023-03-01T09:00:00+08:00' };
  const { code, output } = await runCli(entry, env, args);
  if (code !== 0) throw new Error(`${entry} ${args.join(' ')} exited ${code}:\n${output}`);
  return output;
}

run('用户管理 outside the default organisation: the login name the admin hands over carries the organisation', () => {
  // A city made from the shell beside the default district, and its admin (`city.admin@lyg`),
  // as `npm run organisations` and `npm run users -- create … --organisation` make them.
  const suite = consoleSuite([], async (accounts, stack) => {
    const organisations = ['create', CITY, '--name', '连云港市', '--kind', 'city'];
    await shell('apps/api/src/organisations/organisations.cli.ts', stack.dataDir, organisations);
    const admin = ['create', 'city.admin', '--role', 'admin', '--name', '市管理员', '--organisation', CITY];
    const created = await shell('apps/api/src/auth/users.cli.ts', stack.dataDir, [...admin, '--as', 'admin']);
    const temporary = /One-time password[^:]*: (\S+)/.exec(created)?.[1];
    if (!temporary) throw new Error(`users create printed no password: ${created}`);
    await accounts.own(CITY_ADMIN, temporary);
  });

  it('given the city admin, when it creates zhang, then the password dialog, the list and 重置密码 name zhang@lyg, the name that logs in', async () => {
    const admin = await suite.openAs(CITY_ADMIN);
    await createAccount(admin, 'zhang', '张三', '区领导');
    // Typed `zhang`; what the admin is told to hand over is the qualified login name.
    expect((await oneTimePassword(admin, 'zhang@lyg')).length).toBeGreaterThanOrEqual(12);
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: 'zhang@lyg', exact: true }) });
    await row.getByRole('cell', { name: '张三', exact: true }).waitFor();

    await row.getByRole('button', { name: '重置密码' }).click();
    const oneTime = await oneTimePassword(admin, 'zhang@lyg');
    await admin.context().close();

    // The name shown is the one that logs in: the one-time password leads to the forced change.
    const leader = await newPage(suite.browser);
    await logIn(leader, suite.baseUrl + '/', 'zhang@lyg', oneTime);
    await leader.getByLabel('当前密码').waitFor();
    await leader.context().close();
  });
});
