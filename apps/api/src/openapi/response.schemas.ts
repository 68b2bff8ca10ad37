import type { SchemaObject } from '@nestjs/swagger';

/**
 * The JSON the api answers, as OpenAPI schemas (components.schemas). They name the fields a
 * client relies on; more fields may be present (a later version adds, never renames). The
 * response-validation test checks every answer of the e2e suite against these.
 */
const str = (description?: string): SchemaObject => ({ type: 'string', ...(description ? { description } : {}) });
const nullableStr = (description?: string): SchemaObject => ({ ...str(description), nullable: true });
const date = (description: string): SchemaObject => ({ type: 'string', format: 'date', description });
const int = (description?: string): SchemaObject => ({ type: 'integer', ...(description ? { description } : {}) });
const bool = (description?: string): SchemaObject => ({ type: 'boolean', ...(description ? { description } : {}) });
const list = (items: SchemaObject, description?: string): SchemaObject => ({
  type: 'array',
  items,
  ...(description ? { description } : {}),
});
const object = (properties: Record<string, SchemaObject>, required = Object.keys(properties)): SchemaObject => ({
  type: 'object',
  properties,
  required,
});
const ref = (name: string): SchemaObject => ({ $ref: `#/components/schemas/${name}` }) as SchemaObject;
/** Revisions and positions are 64-bit: strings of digits, as ETag and X-Min-Position carry them. */
const revision = (description: string, nullable = false): SchemaObject => ({
  type: 'string',
  pattern: '^\\d+$',
  description,
  ...(nullable ? { nullable: true } : {}),
});

export const ERROR_RESPONSE: SchemaObject = object({
  statusCode: int('HTTP 状态码'),
  code: str('稳定的错误代码，见 docs/errors.md'),
  message: str('中文说明，可直接展示给用户'),
  details: {
    type: 'object',
    description:
      '补充信息：校验错误为 fields（[{field, reason}]），版本冲突为 currentRevision，其他错误按代码说明；总是对象',
    properties: {
      fields: list(object({ field: str('字段路径，如 milestones[0].dueDate'), reason: str('中文原因') })),
      currentRevision: revision('当前版本（版本冲突时），用作新的 If-Match', true),
    },
  },
});

const milestone = object(
  {
    milestoneId: str('里程碑编号'),
    title: str('名称'),
    dueDate: date('期限'),
    owner: str('责任单位'),
    statusLabel: str('完成情况（中文）'),
  },
  ['milestoneId', 'title', 'dueDate', 'owner'],
);

export const RESPONSE_SCHEMAS: Record<string, SchemaObject> = {
  ErrorResponse: ERROR_RESPONSE,
  TaskCommandResponse: object(
    {
      code: str('任务编号'),
      revision: revision('命令后的任务版本（即新的 ETag）'),
      position: revision('最后一个事件的全局位置（读己之写：X-Min-Position）'),
      events: list(str(), '记录的事件类型'),
      replayed: bool('是否为幂等重放（未重复记录）'),
      status: str('任务状态'),
      statusLabel: str('任务状态（中文）'),
      extensionId: str('新延期申请的编号（申请延期时）'),
      milestoneId: str('新里程碑的编号（新增里程碑时）'),
    },
    ['code', 'revision', 'position', 'events', 'replayed', 'status', 'statusLabel'],
  ),
  ItemCommandResponse: object(
    {
      revision: revision('命令后的版本（即新的 ETag）；从未记录时为 null', true),
      position: revision('最后一个事件的全局位置；未记录时为 null', true),
      events: list(str(), '记录的事件类型（无变化时为空）'),
      replayed: bool('是否为幂等重放'),
      data: list({ type: 'object' }, '各事件的数据'),
    },
    ['revision', 'position', 'events', 'replayed'],
  ),
  TaskView: object(
    {
      code: str('任务编号'),
      status: str('任务状态'),
      statusLabel: str('任务状态（中文）'),
      revision: revision('任务版本（ETag）；未交办时为 null', true),
      departments: list(
        object(
          {
            name: str('单位'),
            role: { type: 'string', enum: ['lead', 'cooperating'] },
            roleLabel: str('牵头 / 配合'),
            acknowledgementLabel: str('签收情况（中文）'),
          },
          ['name', 'role', 'roleLabel'],
        ),
      ),
      milestones: list(milestone),
    },
    ['status', 'statusLabel', 'revision'],
  ),
  TaskList: list(
    object({ code: str('任务编号'), status: str('任务状态'), statusLabel: str('任务状态（中文）') }, ['code']),
  ),
  Session: object(
    {
      accessToken: str('访问令牌（Bearer）'),
      tokenType: { type: 'string', enum: ['Bearer'] },
      expiresIn: int('访问令牌有效秒数'),
      refreshToken: str('刷新令牌'),
    },
    ['accessToken', 'tokenType', 'expiresIn'],
  ),
  CurrentUser: object(
    { username: str('用户名'), displayName: str('姓名'), role: str('角色'), department: nullableStr('所属单位') },
    ['username', 'role'],
  ),
  UserAccount: object(
    {
      username: str('用户名'),
      displayName: str('姓名'),
      role: str('角色'),
      status: str('账号状态'),
      statusLabel: str('账号状态（中文）'),
      temporaryPassword: str('一次性临时密码（仅在生成时返回一次）'),
    },
    ['username', 'role', 'status'],
  ),
  UserList: list(object({ username: str('用户名'), role: str('角色') }, ['username', 'role'])),
  Health: object({ status: str('ok / error') }, ['status']),
  PlanImportResult: object(
    {
      planId: str('计划编号'),
      planVersion: str('计划文件版本'),
      appended: int('本次记录的事件数（0：计划未变）'),
      listed: int(),
      revised: int(),
      withdrawn: int(),
      revision: revision('计划版本', true),
      position: revision('全局位置', true),
      report: { type: 'object', description: '校验报告' },
      dryRun: { type: 'boolean', description: '只校验（dryRun=true）：计数为导入将产生的，未记录任何事件' },
    },
    ['planId', 'appended', 'revision'],
  ),
  PlanOverview: object(
    {
      id: str('计划编号'),
      counts: { type: 'object', additionalProperties: { type: 'integer' }, description: '各清单条目数' },
      revision: revision('计划版本（ETag）'),
    },
    ['id', 'counts', 'revision'],
  ),
  AuditVerification: { type: 'object', description: '各事件流的哈希链校验结果' },
  IndicatorList: { type: 'object', description: '指标列表与红黄绿灯计数' },
  IndicatorView: object({ indicatorId: str('指标序号'), light: str('红黄绿灯') }, ['indicatorId']),
  ProjectList: { type: 'object', description: '项目列表与投资合计' },
  ProjectView: object({ projectId: str('项目序号') }, ['projectId']),
  Board: object(
    {
      planId: str('计划编号'),
      asOf: date('视图所示日期（上海时间）'),
      rules: { type: 'object', description: '红黄绿灯规则' },
      tasks: list(ref('BoardItem'), '台账行'),
    },
    ['planId', 'asOf', 'tasks'],
  ),
  BoardItem: object(
    {
      code: str('任务编号'),
      title: str('任务名称'),
      system: str('体系'),
      area: str('领域'),
      window: str('时间'),
      status: str('任务状态'),
      statusLabel: str('任务状态（中文）'),
      dueDate: { ...date('完成期限'), nullable: true },
      daysLeft: { type: 'integer', nullable: true, description: '距期限天数' },
      light: object(
        {
          colour: { type: 'string', enum: ['red', 'yellow', 'green', null], nullable: true },
          label: str('红黄绿灯（中文）'),
          reasons: list({ type: 'object' }, '亮灯原因'),
        },
        ['colour', 'label'],
      ),
      departments: list(
        object(
          {
            name: str('单位'),
            role: { type: 'string', enum: ['lead', 'cooperating'] },
            roleLabel: str('牵头 / 配合'),
            acknowledgementLabel: str('签收情况（中文）'),
          },
          ['name', 'role', 'roleLabel', 'acknowledgementLabel'],
        ),
      ),
      milestones: list(
        object(
          {
            milestoneId: str('里程碑编号'),
            title: str('名称'),
            owner: str('责任单位'),
            dueDate: date('期限'),
            done: bool('是否完成'),
            statusLabel: str('完成情况（中文）'),
          },
          ['milestoneId', 'title', 'owner', 'dueDate', 'done', 'statusLabel'],
        ),
      ),
      revision: { type: 'integer', nullable: true, description: '任务版本；未交办为 null' },
    },
    ['code', 'title', 'status', 'statusLabel', 'dueDate', 'light', 'departments', 'milestones'],
  ),
  Todo: object({
    planId: str('计划编号'),
    asOf: date('待办所示日期（上海时间）'),
    items: list({ type: 'object' }, '待办事项'),
  }),
  Notifications: { type: 'object', properties: { unread: int('未读数') }, required: ['unread'] },
  NotificationsRead: object({ readUpTo: revision('已读至的位置', true), unread: int('未读数') }),
  FailedReminders: object({ jobs: list({ type: 'object' }, '发送失败的催办') }),
  Organisation: object(
    {
      id: str('组织编号'),
      name: str('名称'),
      kind: { type: 'string', enum: ['district', 'city', 'province'] },
      kindLabel: str('层级（中文）'),
      parentId: nullableStr('上级组织编号'),
      plans: list(str(), '归属本组织的计划（按归入顺序）'),
    },
    ['id', 'name', 'kind', 'parentId', 'plans'],
  ),
  OrganisationList: list(ref('Organisation')),
  CityOverview: object(
    {
      organisation: object({ id: str('组织编号'), name: str('名称'), kind: str('层级') }),
      asOf: date('视图所示日期（上海时间）'),
      districts: list({ type: 'object' }, '各区：任务红黄绿灯、逾期、名次'),
      overdueByDistrict: list({ type: 'object' }, '按区的逾期事项'),
      overdueByDepartmentKind: list({ type: 'object' }, '按单位类别的逾期事项'),
      indicators: list({ type: 'object' }, '同一指标各区并列'),
      ranking: object({ rule: str('排名规则'), districts: list({ type: 'object' }) }),
    },
    ['organisation', 'asOf', 'districts', 'ranking'],
  ),
  AnyObject: { type: 'object' },
  AnyList: { type: 'array', items: {} },
  Text: { type: 'string' },
  Binary: { type: 'string', format: 'binary' },
};
