import type { OpenAPIObject } from '@nestjs/swagger';
import type {
  OperationObject,
  ParameterObject,
  ReferenceObject,
  RequestBodyObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import request from 'supertest';
import { OPERATIONS } from '../apps/api/src/openapi/operations';
import { createTestApp, type TestApp } from './support/test-app';

const CJK = /[\u4e00-\u9fff]/;
const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;

describe('the OpenAPI document (/docs-json) is the contract', () => {
  let t: TestApp;
  let doc: OpenAPIObject;
  let operations: Array<{ key: string; op: OperationObject }>;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenAPIObject;
    operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((m) => (item[m] ? [{ key: `${m.toUpperCase()} ${path}`, op: item[m] }] : [])),
    );
  });
  afterAll(() => t.close());

  const schema = (name: string) => doc.components!.schemas![name] as SchemaObject;
  const property = (name: string, prop: string) => schema(name).properties![prop] as SchemaObject;

  it('every operation has a Chinese summary and a row in operations.ts, and no row names a missing route', () => {
    expect(operations.length).toBeGreaterThanOrEqual(68);
    expect(operations.filter(({ op }) => !CJK.test(op.summary ?? '')).map((o) => o.key)).toEqual([]);
    const keys = new Set(operations.map((o) => o.key));
    expect(operations.filter((o) => !OPERATIONS[o.key]).map((o) => o.key)).toEqual([]);
    expect(Object.keys(OPERATIONS).filter((k) => !keys.has(k))).toEqual([]);
  });

  it('every operation has a typed 2xx answer and its errors as ErrorResponse', () => {
    const problems: string[] = [];
    for (const { key, op } of operations) {
      const statuses = Object.keys(op.responses);
      const success = statuses.filter((s) => s.startsWith('2'));
      if (success.length === 0) problems.push(`${key}: no 2xx`);
      for (const status of success) {
        const res = op.responses[status] as ResponseObject;
        if (status !== '204' && !res.content) problems.push(`${key} ${status}: no schema`);
      }
      for (const status of statuses.filter((s) => Number(s) >= 400)) {
        const res = op.responses[status] as ResponseObject;
        const ref = (res.content?.['application/json']?.schema as ReferenceObject | undefined)?.$ref;
        if (ref !== '#/components/schemas/ErrorResponse') problems.push(`${key} ${status}: not ErrorResponse`);
      }
      if (!statuses.includes('400')) problems.push(`${key}: 400 not documented`);
    }
    expect(problems).toEqual([]);
    expect(schema('ErrorResponse').required).toEqual(['statusCode', 'code', 'message', 'details']);
  });

  it('bearer only where a login is needed; If-Match and Idempotency-Key only on commands', () => {
    const security = (key: string) => operations.find((o) => o.key === key)!.op.security;
    for (const key of ['POST /auth/login', 'POST /auth/refresh', 'GET /health', 'GET /calendar/feeds/{key}.ics']) {
      expect({ key, security: security(key) }).toEqual({ key, security: [] });
    }
    expect(security('GET /board')).toEqual([{ bearer: [] }]);
    expect(doc.security ?? []).toEqual([]);
    const headers = (op: OperationObject) =>
      (op.parameters as ParameterObject[]).filter((p) => p.in === 'header').map((p) => p.name);
    for (const { key, op } of operations) {
      const command = /^(POST|PUT|DELETE) \/(tasks|indicators|projects|users|organisations)/.test(key);
      // The refresh cookie's CSRF header (auth/sessions/refresh-cookie.ts) is the auth routes' own.
      const own = headers(op).filter((h) => h !== 'X-Requested-With');
      expect({ key, headers: own }).toEqual({ key, headers: command ? ['If-Match', 'Idempotency-Key'] : [] });
    }
  });

  it('path parameters are described; request bodies are typed (nested DTOs, dates as format date)', () => {
    const undescribed = operations.flatMap(({ key, op }) =>
      (op.parameters as ParameterObject[])
        .filter((p) => p.in === 'path' && !CJK.test(p.description ?? ''))
        .map((p) => `${key} ${p.name}`),
    );
    expect(undescribed).toEqual([]);
    expect(property('AssignTaskDto', 'milestones')).toMatchObject({
      type: 'array',
      items: { $ref: '#/components/schemas/MilestoneDto' },
    });
    expect(JSON.stringify(property('AddMilestoneDto', 'milestone'))).toContain('"#/components/schemas/MilestoneDto"');
    expect(property('CompleteMilestoneDto', 'evidence')).toMatchObject({
      items: { $ref: '#/components/schemas/EvidenceDto' },
    });
    expect(property('MilestoneDto', 'dueDate')).toMatchObject({ type: 'string', format: 'date' });
    expect(property('ExtensionRequestDto', 'newDueDate')).toMatchObject({ format: 'date' });
    expect(property('AssignTaskDto', 'lead')).toMatchObject({ type: 'array', items: { type: 'string' } });
    const upload = operations.find((o) => o.key === 'PUT /plans/{planId}/tasks')!.op.requestBody as RequestBodyObject;
    expect(Object.keys(upload.content)).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    const assign = operations.find((o) => o.key === 'POST /tasks/{code}/assignment')!.op
      .requestBody as RequestBodyObject;
    expect(assign.content['application/json']!.example).toMatchObject({ lead: ['区生态环境局'] });
  });

  it('the response check sees the answers of this suite (a malformed answer would fail it on close)', async () => {
    const before = t.contract.count;
    await request(t.app.getHttpServer()).get('/tasks/A-1').expect(401);
    expect(t.contract.count).toBe(before + 1);
    expect(t.contract.report()).toBeUndefined();
  });
});
