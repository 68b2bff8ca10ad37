/**
 * Two districts and their city in one deployment, built the way production builds them:
 * the default organisation (连云区, created on the first start) is placed under a city made from
 * the shell (`npm run organisations` runs the same command path as the system), a second
 * district (the invented 青岚区) is created under the city, the city's admin is made by the
 * system (as `npm run users -- bootstrap --organisation` would), and every other account is
 * created over HTTP by an admin whose reach covers it. Each district's office imports its own
 * plan; both plans name a 区城管局.
 */
import { CommandBus } from '@nestjs/cqrs';
import { hashPassword } from '@zw/auth';
import { loadLianyunPlan } from '@zw/plan';
import request from 'supertest';
import { plainRequest, systemRequest } from '../../apps/api/src/commands/command-request';
import { send, stream } from '../../apps/api/src/commands/commands';
import { secondDistrictPlan } from '../../libs/plan/src/testing/fixture-plans';
import { INITIAL_PASSWORD, signIn, type AuthHeaders, type SignIn } from './sign-in';
import type { TestApp } from './test-app';

export const CITY = 'lyg';
export const A = 'lianyun';
export const B = 'qinglan';
export const PLAN_A = loadLianyunPlan().id;
export const PLAN_B = secondDistrictPlan().id;
/** Login names outside the default organisation (A) carry their organisation. */
export const CITY_ADMIN = `city.admin@${CITY}`;
/** A department both plans name. */
export const SAME_NAME = '区城管局';

export interface TwoDistricts {
  as: SignIn;
  /** The default organisation's bootstrap admin. */
  adminA: AuthHeaders;
  adminCity: AuthHeaders;
  officeA: AuthHeaders;
  officeB: AuthHeaders;
  leaderA: AuthHeaders;
  leaderCity: AuthHeaders;
  deptA: AuthHeaders;
  deptB: AuthHeaders;
  /**
   * Creates an account over HTTP as `admin` and logs it in by its login name (`name@qinglan`
   * outside the default organisation).
   */
  account(
    admin: AuthHeaders,
    username: string,
    role: string,
    organisationId: string,
    department?: string,
  ): Promise<AuthHeaders>;
}

export async function twoDistricts(t: TestApp): Promise<TwoDistricts> {
  const http = () => request(t.app.getHttpServer());
  const bus = t.app.get(CommandBus);
  const shell = systemRequest('cli:organisations', 'cli');
  await send(bus, shell, stream.organisations(), 'CreateOrganisation', {
    organisationId: CITY,
    name: '连云港市',
    kind: 'city',
  });
  await send(bus, shell, stream.organisations(), 'MoveOrganisation', { organisationId: A, parentId: CITY });
  await send(bus, shell, stream.organisations(), 'CreateOrganisation', {
    organisationId: B,
    name: '青岚区',
    kind: 'district',
    parentId: CITY,
  });

  const as = signIn(t.app);
  const adminA = await as.admin();
  const adminCity = await as.firstLogin(CITY_ADMIN, await shellCreateCityAdmin(t));

  const account = async (
    admin: AuthHeaders,
    username: string,
    role: string,
    organisationId: string,
    department?: string,
  ) => {
    const res = await http()
      .post('/users')
      .set(admin)
      .send({
        username,
        displayName: username,
        role,
        organisationId,
        ...(department ? { department } : {}),
        password: INITIAL_PASSWORD,
      });
    if (res.status !== 201) throw new Error(`creating ${username}: ${res.status} ${JSON.stringify(res.body)}`);
    return as.firstLogin((res.body as { username: string }).username, INITIAL_PASSWORD);
  };

  const officeA = await account(adminA, 'office.a', 'office', A);
  const officeB = await account(adminCity, 'office.b', 'office', B);
  await http().post('/plans').set(officeA).send(loadLianyunPlan()).expect(201);
  await http().post('/plans').set(officeB).send(secondDistrictPlan()).expect(201);
  return {
    as,
    adminA,
    adminCity,
    officeA,
    officeB,
    leaderA: await account(adminA, 'leader.a', 'leader', A),
    leaderCity: await account(adminCity, 'leader.city', 'leader', CITY),
    deptA: await account(adminA, 'urban.a', 'department', A, SAME_NAME),
    deptB: await account(adminCity, 'urban.b', 'department', B, SAME_NAME),
    account,
  };
}

/**
 * The city's admin, made from the shell as `npm run users -- create city.admin --role admin
 * --organisation lyg --as admin` makes it (its login name `city.admin@lyg`): the shell may bind an
 * account anywhere, and the events name the admin given by `--as`.
 */
async function shellCreateCityAdmin(t: TestApp): Promise<string> {
  await send(
    t.app.get(CommandBus),
    plainRequest({ id: 'admin', role: 'admin' }, undefined, 'cli'),
    stream.user(CITY_ADMIN),
    'CreateUser',
    {
      username: CITY_ADMIN,
      displayName: '市管理员',
      role: 'admin',
      organisationId: CITY,
      passwordHash: await hashPassword(INITIAL_PASSWORD),
    },
  );
  return INITIAL_PASSWORD;
}
