import { DEPARTMENT_COMMANDS, OFFICE_COMMANDS } from '@zw/domain';
import { authorize, departmentScope, type Principal } from './authorize';
import { POLICIES, POLICY_NAMES, TASK_COMMAND_POLICIES, isPolicyName, type PolicyName } from './policy.table';

const ECO = '连云生态环境局';
const URBAN = '区城管局';

/**
 * The matrix, written out by hand so that a change to the table is a change to this test
 * too: for each policy, who gets through its route (no resource). `*` = public.
 * o = office, d = department, l = leader, a = admin.
 */
const EXPECTED: Record<PolicyName, string> = {
  health: '*',
  metrics: '*',
  docs: '*',
  'plan.import': 'o',
  'plan.read': 'odla',
  'task.read': 'odl',
  'task.assign': 'o',
  'task.create': 'o',
  'task.reassign': 'o',
  'task.cancel': 'o',
  'task.acknowledge': 'd',
  'task.report-progress': 'd',
  'task.submit-periodic-report': 'd',
  'task.complete-milestone': 'd',
  'task.reopen-milestone': 'o',
  'task.add-milestone': 'o',
  'task.remove-milestone': 'o',
  'task.request-sign-off': 'd',
  'task.sign-off': 'd',
  'task.object-to-sign-off': 'd',
  'task.accept': 'o',
  'task.return': 'o',
  'task.request-extension': 'd',
  'task.approve-extension': 'o',
  'task.reject-extension': 'o',
  'files.upload': 'od',
  'files.read': 'odl',
  'me.read': 'odl',
  'audit.verify': 'o',
  'view.board': 'odl',
  'view.overview': 'odl',
  'view.accountability': 'odl',
  'view.ranking': 'ol',
  'view.calendar': 'odl',
  'calendar-feed.read': 'odl',
  'calendar-feed.manage': 'od',
  'view.calendar-feed': '*',
  'view.audit-trail': 'odl',
  'indicator.read': 'odl',
  'indicator.report': 'd',
  'indicator.review': 'o',
  'indicator.link-tasks': 'o',
  'indicator.set-responsible': 'o',
  'project.read': 'odl',
  'project.report': 'd',
  'project.set-supervisor': 'o',
  'reminder.read': 'ol',
  'reminder.retry': 'o',
  'auth.bootstrap': '*',
  'auth.login': '*',
  'auth.refresh': '*',
  'auth.logout': '*',
  'auth.me': 'odla',
  'auth.change-password': 'odla',
  'organisation.read': 'odla',
  'organisation.manage': 'a',
  'organisation.overview': 'ol',
  'users.read': 'a',
  'users.create': 'a',
  'users.disable': 'a',
  'users.enable': 'a',
  'users.reset-password': 'a',
};

const PRINCIPALS: Record<string, Principal | undefined> = {
  o: { role: 'office' },
  d: { role: 'department', department: ECO },
  l: { role: 'leader' },
  a: { role: 'admin' },
};

describe('the policy table × roles', () => {
  it('names every policy once, and the matrix above covers them all', () => {
    expect([...POLICY_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect(POLICY_NAMES.every(isPolicyName)).toBe(true);
    expect(isPolicyName('toString')).toBe(false);
  });

  const cells = POLICY_NAMES.flatMap((name) => Object.keys(PRINCIPALS).map((who) => [name, who] as const));
  it.each(cells)('%s for %s', (name, who) => {
    const expected = EXPECTED[name] === '*' || EXPECTED[name].includes(who) ? 'allow' : 'deny';
    expect(authorize(POLICIES[name], PRINCIPALS[who])).toBe(expected);
  });

  it.each(POLICY_NAMES)('%s: anonymous callers and the system actor get in only where it is public', (name) => {
    const expected = EXPECTED[name] === '*' ? 'allow' : 'deny';
    expect(authorize(POLICIES[name], undefined)).toBe(expected);
    expect(authorize(POLICIES[name], { role: 'system' })).toBe(expected);
  });

  it('leaders read and change nothing but their own password', () => {
    const leaderMay = POLICY_NAMES.filter(
      (n) => POLICIES[n].scope !== 'none' && authorize(POLICIES[n], { role: 'leader' }) === 'allow',
    );
    expect(
      leaderMay.every(
        (n) => n.startsWith('auth.') || /\.(read|board|overview|accountability|ranking|calendar|audit-trail)$/.test(n),
      ),
    ).toBe(true);
    expect(leaderMay).toEqual(
      expect.arrayContaining(['auth.me', 'plan.read', 'task.read', 'view.board', 'view.ranking', 'indicator.read']),
    );
  });

  it('admins manage users and organisations and touch no task', () => {
    const adminMay = POLICY_NAMES.filter(
      (n) => POLICIES[n].scope !== 'none' && authorize(POLICIES[n], { role: 'admin' }) === 'allow',
    );
    expect(
      adminMay.every(
        (n) =>
          n.startsWith('users.') ||
          n.startsWith('auth.') ||
          n === 'plan.read' ||
          n === 'organisation.read' ||
          n === 'organisation.manage',
      ),
    ).toBe(true);
  });
});

describe('task commands and their policies', () => {
  it('guard the office’s commands for the office and the departments’ for their own department, as the domain does', () => {
    for (const type of OFFICE_COMMANDS)
      expect(POLICIES[TASK_COMMAND_POLICIES[type]]).toEqual({ roles: ['office'], scope: 'any' });
    for (const type of DEPARTMENT_COMMANDS)
      expect(POLICIES[TASK_COMMAND_POLICIES[type]]).toEqual({ roles: ['department'], scope: 'own-department' });
  });

  it('give each command a policy of its own', () => {
    const names = Object.values(TASK_COMMAND_POLICIES);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('authorize with a resource', () => {
  const task = { departments: [ECO, URBAN] };
  const other = { departments: ['区教育局'] };
  const eco: Principal = { role: 'department', department: ECO };

  it('lets a department act on and read the tasks it takes part in, and no other', () => {
    expect(authorize(POLICIES['task.acknowledge'], eco, task)).toBe('allow');
    expect(authorize(POLICIES['task.acknowledge'], eco, other)).toBe('deny');
    expect(authorize(POLICIES['task.read'], eco, task)).toBe('allow');
    expect(authorize(POLICIES['task.read'], eco, other)).toBe('deny');
    expect(authorize(POLICIES['task.read'], eco, { departments: [] })).toBe('deny');
  });

  it('does not confine the office or leaders to a department', () => {
    expect(authorize(POLICIES['task.read'], { role: 'office' }, other)).toBe('allow');
    expect(authorize(POLICIES['task.read'], { role: 'leader' }, other)).toBe('allow');
    expect(authorize(POLICIES['task.assign'], { role: 'office' }, other)).toBe('allow');
  });

  it('ignores the resource where the scope is `any`: reading a plan is not about departments', () => {
    expect(authorize(POLICIES['plan.read'], eco, other)).toBe('allow');
  });

  it.each<[string, Principal]>([
    ['no department', { role: 'department' }],
    ['a blank department', { role: 'department', department: '  ' }],
  ])('denies a department user bound to %s everything but public routes', (_, principal) => {
    for (const name of POLICY_NAMES) {
      expect(authorize(POLICIES[name], principal, task)).toBe(POLICIES[name].scope === 'none' ? 'allow' : 'deny');
    }
  });

  it('lets a list handler know whom to filter for', () => {
    expect(departmentScope(POLICIES['task.read'], eco)).toBe(ECO);
    expect(departmentScope(POLICIES['task.read'], { role: 'department' })).toBe(''); // matches no row
    expect(departmentScope(POLICIES['task.read'], { role: 'office' })).toBeUndefined();
    expect(departmentScope(POLICIES['plan.read'], eco)).toBeUndefined();
  });

  it('matches canonical department names exactly (only surrounding blanks of the principal’s are ignored)', () => {
    expect(authorize(POLICIES['task.read'], { role: 'department', department: ` ${ECO} ` }, task)).toBe('allow');
    expect(authorize(POLICIES['task.read'], { role: 'department', department: '生态环境局' }, task)).toBe('deny');
  });
});
