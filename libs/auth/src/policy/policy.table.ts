import type { TaskCommandType } from '@zw/domain';
import type { UserRole } from '../roles';

/**
 * Who may call what, as data: one named policy per kind of route, so the whole matrix can be
 * read (and tested) in one place instead of being scattered over controllers.
 * - `any`: the listed roles, whatever the resource;
 * - `own-department`: the listed roles, but a `department` user only where its department
 *   takes part (a task's lead or cooperating units); other listed roles are not confined;
 * - `none`: public, no login needed (and therefore no roles).
 * The task domain still checks what only the stream knows (is this department assigned,
 * has it acknowledged): the table is the gate at the door, not the whole rule.
 */
export type Scope = 'any' | 'own-department' | 'none';

export type Policy =
  | { readonly roles: readonly UserRole[]; readonly scope: 'any' | 'own-department' }
  | { readonly roles: readonly []; readonly scope: 'none' };

const PUBLIC = { roles: [], scope: 'none' } as const satisfies Policy;
const OFFICE = { roles: ['office'], scope: 'any' } as const satisfies Policy;
const OWN_DEPARTMENT = { roles: ['department'], scope: 'own-department' } as const satisfies Policy;
const ADMIN = { roles: ['admin'], scope: 'any' } as const satisfies Policy;
/** Everyone who reads the plan's work: office, leaders, departments (admins manage users only). */
const READERS = { roles: ['office', 'leader', 'department'], scope: 'any' } as const satisfies Policy;
const READERS_OWN = { roles: ['office', 'leader', 'department'], scope: 'own-department' } as const satisfies Policy;
const SIGNED_IN = { roles: ['office', 'department', 'leader', 'admin'], scope: 'any' } as const satisfies Policy;

/** Routes as they exist in apps/api today, plus the account routes the access-control issue adds. */
export const POLICIES = {
  // Probes and scrapers carry no token: /metrics and /health/ready answer only on the management
  // port (MANAGEMENT_PORT, docs/security.md), the public port keeps the minimal /health.
  health: PUBLIC, // GET /health, GET /health/ready
  metrics: PUBLIC, // GET /metrics
  docs: PUBLIC, // GET /docs, GET /docs-json

  // plans.http.controller.ts
  'plan.import': OFFICE, // POST /plans, PUT /plans/:planId/tasks
  'plan.read': SIGNED_IN, // GET /plans/:planId, /plans/:planId/validation-report, /plans/:planId/:list

  // task-read.http.controller.ts: a department sees only the tasks it takes part in.
  'task.read': READERS_OWN, // GET /tasks, GET /tasks/:code

  // task-assignment.http.controller.ts
  'task.assign': OFFICE, // POST /tasks/:code/assignment
  'task.create': OFFICE, // POST /tasks
  'task.reassign': OFFICE, // POST /tasks/:code/reassignment
  'task.cancel': OFFICE, // POST /tasks/:code/cancellation

  // task-work.http.controller.ts
  'task.acknowledge': OWN_DEPARTMENT, // POST /tasks/:code/acknowledgements
  'task.report-progress': OWN_DEPARTMENT, // POST /tasks/:code/progress-reports
  'task.submit-periodic-report': OWN_DEPARTMENT, // POST /tasks/:code/periodic-reports
  'task.complete-milestone': OWN_DEPARTMENT, // POST /tasks/:code/milestones/:milestoneId/completion
  'task.reopen-milestone': OFFICE, // POST /tasks/:code/milestones/:milestoneId/reopening
  'task.add-milestone': OFFICE, // POST /tasks/:code/milestones
  'task.remove-milestone': OFFICE, // DELETE /tasks/:code/milestones/:milestoneId

  // task-closure.http.controller.ts
  'task.request-sign-off': OWN_DEPARTMENT, // POST /tasks/:code/sign-off-request
  'task.sign-off': OWN_DEPARTMENT, // POST /tasks/:code/sign-offs
  'task.object-to-sign-off': OWN_DEPARTMENT, // POST /tasks/:code/objections
  'task.accept': OFFICE, // POST /tasks/:code/acceptance
  'task.return': OFFICE, // POST /tasks/:code/return
  'task.request-extension': OWN_DEPARTMENT, // POST /tasks/:code/extensions
  'task.approve-extension': OFFICE, // POST /tasks/:code/extensions/:extensionId/approval
  'task.reject-extension': OFFICE, // POST /tasks/:code/extensions/:extensionId/rejection

  // files.http.controller.ts: 佐证材料. Uploading is for the roles that act on tasks; who may
  // download a file is decided per file (the tasks and items that reference it, or its uploader).
  'files.upload': { roles: ['office', 'department'], scope: 'any' }, // POST /files
  'files.read': READERS, // GET /files/:fileId

  // apps/api/src/me: one's own to-do list and inbox (admins, who only manage accounts, have neither).
  // Marking one's own notifications read changes nothing but one's own read position.
  'me.read': READERS, // GET /me/todo, GET /me/notifications, POST /me/notifications/read

  // audit.http.controller.ts
  'audit.verify': OFFICE, // GET /audit/verify

  // Read models (projections issue, apps/api/src/views). Department users see the tasks they
  // lead or support, and only their own department's accountability, calendar and feed link.
  'view.board': READERS_OWN, // GET /board, GET /board.xlsx
  'view.overview': READERS, // GET /overview
  'view.accountability': READERS_OWN, // GET /departments/:department/accountability
  'view.ranking': { roles: ['office', 'leader'], scope: 'any' }, // GET /accountability/ranking[.xlsx]
  'view.calendar': READERS_OWN, // GET /calendar
  // Calendar feeds are capabilities (docs/security.md): the office or the department issues and
  // revokes each one; leaders may see which exist. The feed itself is public: its random key in
  // the URL is the proof, as calendar apps cannot log in.
  'calendar-feed.read': READERS_OWN, // GET /departments/:department/calendar-feeds
  'calendar-feed.manage': { roles: ['office', 'department'], scope: 'own-department' }, // POST …/calendar-feeds, DELETE …/calendar-feeds/:feedId
  'view.calendar-feed': PUBLIC, // GET /calendar/feeds/:key.ics
  'view.audit-trail': READERS_OWN, // GET /tasks/:code/audit-trail

  // Indicators and projects (indicators issue, apps/api/src/indicators). Reporting is for the
  // indicator's or project's responsible department, which the domain checks (403).
  'indicator.read': READERS, // GET /indicators, GET /indicators/:indicatorId, GET /indicators.xlsx
  'indicator.report': OWN_DEPARTMENT, // POST /indicators/:indicatorId/reports
  'indicator.review': OFFICE, // POST /indicators/:indicatorId/reports/:reportId/confirmation|rejection
  'indicator.link-tasks': OFFICE, // PUT /indicators/:indicatorId/tasks
  'indicator.set-responsible': OFFICE, // PUT /indicators/:indicatorId/responsible
  'project.read': READERS, // GET /projects, GET /projects/:projectId
  'project.report': OWN_DEPARTMENT, // POST /projects/:projectId/progress-reports
  'project.set-supervisor': OFFICE, // PUT /projects/:projectId/supervisor

  // Reminders (reminders issue): the office sees deliveries and failed jobs and retries them.
  'reminder.read': { roles: ['office', 'leader'], scope: 'any' }, // GET /reminders, GET /reminders/failed
  'reminder.retry': OFFICE, // POST /reminders/failed/:jobId/retry

  // Sessions (access-control issue). Login, refresh and logout carry their own proof (the
  // password, the refresh token), so they need no access token: logout must work after expiry.
  'auth.bootstrap': PUBLIC, // the first admin, with the one-time secret from the server log
  'auth.login': PUBLIC,
  'auth.refresh': PUBLIC,
  'auth.logout': PUBLIC,
  'auth.me': SIGNED_IN,
  'auth.change-password': SIGNED_IN, // one's own, with the old password

  // Organisations (districts, cities): everyone sees the part of the tree they reach; admins
  // build it below their own organisation. The city overview is for leaders and offices; the
  // scope rule (organisation-scope.ts) confines each to its organisation (leaders: and below).
  'organisation.read': SIGNED_IN, // GET /organisations
  'organisation.manage': ADMIN, // POST /organisations, PUT …/:organisationId/name|parent, POST …/:organisationId/plans
  'organisation.overview': { roles: ['office', 'leader'], scope: 'any' }, // GET /organisations/:organisationId/overview[.xlsx]

  // Accounts: admins manage users and do nothing else.
  'users.read': ADMIN,
  'users.create': ADMIN,
  'users.disable': ADMIN,
  'users.enable': ADMIN,
  'users.reset-password': ADMIN,
} as const satisfies Record<string, Policy>;

export type PolicyName = keyof typeof POLICIES;

export const POLICY_NAMES = Object.keys(POLICIES) as PolicyName[];

export function isPolicyName(value: unknown): value is PolicyName {
  return typeof value === 'string' && Object.hasOwn(POLICIES, value);
}

/** The policy guarding each task command, so the api's command sender can look it up by type. */
export const TASK_COMMAND_POLICIES = {
  AssignTask: 'task.assign',
  CreateTask: 'task.create',
  ReassignTask: 'task.reassign',
  CancelTask: 'task.cancel',
  AcknowledgeTask: 'task.acknowledge',
  ReportProgress: 'task.report-progress',
  SubmitPeriodicReport: 'task.submit-periodic-report',
  CompleteMilestone: 'task.complete-milestone',
  ReopenMilestone: 'task.reopen-milestone',
  AddMilestone: 'task.add-milestone',
  RemoveMilestone: 'task.remove-milestone',
  RequestSignOff: 'task.request-sign-off',
  SignOff: 'task.sign-off',
  ObjectToSignOff: 'task.object-to-sign-off',
  AcceptTask: 'task.accept',
  ReturnTask: 'task.return',
  RequestExtension: 'task.request-extension',
  ApproveExtension: 'task.approve-extension',
  RejectExtension: 'task.reject-extension',
} as const satisfies Record<TaskCommandType, PolicyName>;
