import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject } from '@nestjs/swagger';
import { isPolicyName, POLICIES, type PolicyName } from '@zw/auth';
import { POLICY_KEY } from '../auth/policy.key';
import { OPERATIONS, PATH_PARAMETERS } from './operations';
import { RESPONSE_SCHEMAS } from './response.schemas';

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
const CLOSED_DTOS = [
  'UploadedFileDto',
  'TodoAnswerDto',
  'TodoItemDto',
  'TodoActionDto',
  'NotificationsPageDto',
  'NotificationDto',
  'MarkReadAnswerDto',
];

/** The errors an operation can answer, by status; every body is an ErrorResponse. */
const ERROR_STATUSES: Record<number, string> = {
  400: '请求无效（字段原因见 details.fields）',
  401: '未登录或令牌无效',
  403: '无权执行（角色或单位不符）',
  404: '对象不存在',
  409: '版本冲突（If-Match 过期，details.currentRevision）或当前状态不允许',
  413: '请求体过大',
  415: '请求体类型不受支持',
  422: '幂等键已用于内容不同的请求',
  507: '存储空间已满，本次操作未保存（STORE.UNAVAILABLE，Retry-After）',
  429: '尝试次数过多（Retry-After）',
  503: '暂不可用（视图尚未更新到 X-Min-Position，或依赖服务不可用）',
};

/**
 * The OpenAPI document as the contract a client is generated from: the controllers' DTOs,
 * then what operations.ts says of each operation, the security and headers each needs by its
 * policy (public routes carry `security: []`; If-Match and Idempotency-Key only on commands)
 * and its documented errors with the one ErrorResponse schema.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('无废城市建设任务督办 API')
    .setDescription(
      '交办、签收、进展报送、里程碑、会签、办结/退回、延期与改派；计划（任务清单、指标、项目）导入。' +
        '错误统一为 ErrorResponse（docs/errors.md 列出全部错误代码）。',
    )
    .setVersion('0.1.0')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: '访问令牌：POST /auth/login 返回的 accessToken',
      },
      'bearer',
    )
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = { ...document.components?.schemas, ...RESPONSE_SCHEMAS };
  // Answers described by DTO classes are closed like response.schemas.ts' (the e2e contract holds them to it).
  for (const name of CLOSED_DTOS) {
    const schema = schemas[name];
    if (schema && !('$ref' in schema)) schema.additionalProperties = false;
  }
  document.components = { ...document.components, schemas };
  const policies = policiesByOperationId(app);
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) decorate(operation, method, path, policies.get(operation.operationId ?? ''));
    }
  }
  return document;
}

function decorate(op: OperationObject, method: string, path: string, policy: PolicyName | undefined): void {
  const key = `${method.toUpperCase()} ${path}`;
  const notes = OPERATIONS[key];
  if (notes) {
    op.summary ??= notes.summary;
    setSuccess(op, notes.response, notes.produces);
    if (notes.example && op.requestBody && 'content' in op.requestBody) {
      const json = op.requestBody.content['application/json'];
      if (json) json.example = notes.example;
    }
  }
  const isPublic = policy === undefined || POLICIES[policy].scope === 'none';
  op.security = isPublic ? [] : [{ bearer: [] }];
  const command = !isPublic && method !== 'get' && /^(task|indicator|project|users|organisation)\./.test(policy ?? '');
  op.parameters = [
    ...(op.parameters ?? []).map((p) => describeParameter(p as ParameterObject)),
    ...(command ? COMMAND_HEADERS : []),
  ];
  // 404 everywhere: a path's object, or the plan `?plan=` names, may not exist (and the public
  // port answers 404 for the management routes).
  const statuses = new Set<number>([400, 404]);
  if (!isPublic) [401, 403].forEach((s) => statuses.add(s));
  if (!isPublic && method !== 'get') statuses.add(409);
  // A write the store cannot take: 507 when its disk is full, 503 when it fails (STORE.UNAVAILABLE).
  if (method !== 'get') [503, 507].forEach((s) => statuses.add(s));
  if (command) statuses.add(422);
  if (op.requestBody) [413, 415].forEach((s) => statuses.add(s));
  // Login, refresh and password changes answer 401 for a wrong password or refresh token, and are throttled.
  if (policy?.startsWith('auth.')) [401, 429].forEach((s) => statuses.add(s));
  // Refresh and logout by the login cookie without X-Requested-With: 403 CSRF.HEADER_REQUIRED.
  if (policy === 'auth.refresh' || policy === 'auth.logout') statuses.add(403);
  if (method === 'get' || policy === 'plan.import' || policy === 'reminder.retry') statuses.add(503);
  for (const status of statuses) op.responses[status] ??= { description: ERROR_STATUSES[status]! };
  // Every error answers the one shape (a library's own, terminus' 503, is rewritten by the filter).
  for (const [status, response] of Object.entries(op.responses)) {
    if (Number(status) < 400) continue;
    op.responses[status] = {
      description: (response as ResponseObject).description || ERROR_STATUSES[Number(status)] || '错误',
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
    };
  }
}

/** The 2xx answers: the schema operations.ts names, under every success status the route has. */
function setSuccess(op: OperationObject, response: string | null, produces: string | undefined): void {
  const success = Object.keys(op.responses).filter((s) => s.startsWith('2'));
  for (const status of success) {
    const own = op.responses[status] as ResponseObject;
    if (response === null) {
      op.responses[status] = { description: own.description || '成功（无内容）' };
      continue;
    }
    const media = produces ?? 'application/json';
    op.responses[status] = {
      ...own,
      description: own.description || '成功',
      content: { [media]: { schema: { $ref: `#/components/schemas/${response}` } } },
    };
  }
  // A task command answers 201, a replay too (task-command.sender.ts), whatever the method.
  if (response === 'TaskCommandResponse') {
    const answer = op.responses['201'] ?? op.responses['200'];
    delete op.responses['200'];
    op.responses['201'] = answer!;
  }
  // Commands answer 201 when they append and 200 when nothing changed (a re-import, the same links).
  if (response === 'ItemCommandResponse' || response === 'PlanImportResult') {
    const created = op.responses['201'] ?? op.responses['200'];
    op.responses['200'] ??= created!;
    op.responses['201'] ??= created!;
  }
}

function describeParameter(p: ParameterObject): ParameterObject {
  if (p.in !== 'path' || p.description) return p;
  return { ...p, description: PATH_PARAMETERS[p.name] ?? p.name };
}

const COMMAND_HEADERS: ParameterObject[] = [
  {
    name: 'If-Match',
    in: 'header',
    required: false,
    description: '客户端据以决定的版本（ETag，如 "3"）；已过期时返回 409 与 details.currentRevision',
    schema: { type: 'string' },
  },
  {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      '幂等键：同一请求重复提交时返回首次结果（201，Idempotent-Replayed: true）；同一键用于不同内容时返回 422',
    schema: { type: 'string', pattern: '^[\\w.:-]{1,200}$' },
  },
];

/** `Controller_method` (the document's operationId) → the route's @Policy. */
function policiesByOperationId(app: INestApplication): Map<string, PolicyName> {
  const out = new Map<string, PolicyName>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!type) continue;
      for (const name of Object.getOwnPropertyNames(type.prototype)) {
        const handler = (type.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const policy: unknown = Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, type);
        if (isPolicyName(policy)) out.set(`${type.name}_${name}`, policy);
      }
    }
  }
  return out;
}
