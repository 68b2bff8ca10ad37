/**
 * Every 2xx answer of the document (`/docs-json`) is typed: a JSON body has a schema whose every
 * object says what it holds — closed (`additionalProperties: false`), a map of one value shape, or
 * data recorded as given (`additionalProperties: true` with a description saying so) — and every
 * list says its items. A bare `{type: object}` would let a generated client read `unknown` and the
 * response contract (test/support/response-contract.ts) check nothing, so this fails on one.
 */
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ResponseObject, SchemaObject } from '@nestjs/swagger';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const METHODS = ['get', 'post', 'put', 'delete', 'patch'] as const;
const NON_JSON = new Set(['text/plain', 'text/calendar', '*/*', 'application/octet-stream']);

describe('typed 2xx answers in the OpenAPI document', () => {
  let t: TestApp;
  let doc: OpenAPIObject;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(() => t.close());

  const resolve = (schema: SchemaObject | { $ref: string }): [string, SchemaObject] => {
    if ('$ref' in schema) {
      const name = schema.$ref.replace('#/components/schemas/', '');
      return [name, doc.components!.schemas![name] as SchemaObject];
    }
    return ['', schema];
  };

  /** The loose spots of one schema, with the path that leads to them. */
  function loose(schema: SchemaObject | { $ref: string }, at: string, seen: Set<string>): string[] {
    const [name, s] = resolve(schema);
    if (name) {
      if (seen.has(name)) return [];
      seen.add(name);
      at = name;
    }
    const out: string[] = [];
    for (const key of ['oneOf', 'anyOf', 'allOf'] as const)
      (s[key] ?? []).forEach((v, i) => out.push(...loose(v, `${at}.${key}[${i}]`, seen)));
    if (s.type === 'array') {
      if (!s.items || Object.keys(s.items).length === 0) out.push(`${at}: a list without items`);
      else out.push(...loose(s.items, `${at}[]`, seen));
    }
    if (s.type === 'object' || s.properties) {
      const extra = s.additionalProperties;
      if (extra === undefined) out.push(`${at}: additionalProperties not decided`);
      else if (extra === true && !s.description) out.push(`${at}: open object without a description`);
      else if (typeof extra === 'object') out.push(...loose(extra, `${at}{}`, seen));
      for (const [prop, value] of Object.entries(s.properties ?? {})) out.push(...loose(value, `${at}.${prop}`, seen));
    }
    if (!name && !s.type && !s.oneOf && !s.anyOf && !s.allOf && !s.enum) out.push(`${at}: untyped`);
    return out;
  }

  it('every 2xx answer has a body schema, and non-JSON answers name their media type', () => {
    const problems: string[] = [];
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of METHODS) {
        const op = item[method];
        if (!op) continue;
        for (const [status, res] of Object.entries(op.responses).filter(([s]) => s.startsWith('2'))) {
          const content = (res as ResponseObject).content;
          const key = `${method.toUpperCase()} ${path} ${status}`;
          if (status === '204') continue;
          if (!content) problems.push(`${key}: no body schema`);
          for (const [media, body] of Object.entries(content ?? {})) {
            if (!body.schema) problems.push(`${key} ${media}: no schema`);
            if (media !== 'application/json' && !NON_JSON.has(media) && !media.startsWith('application/vnd'))
              problems.push(`${key}: unexpected media type ${media}`);
          }
        }
      }
    expect(problems).toEqual([]);
  });

  it('every JSON answer is typed all the way down (no bare object, no list without items)', () => {
    const problems = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of METHODS) {
        for (const [status, res] of Object.entries(item[method]?.responses ?? {})) {
          const schema = (res as ResponseObject).content?.['application/json']?.schema;
          if (!status.startsWith('2') || !schema) continue;
          for (const p of loose(schema, `${method.toUpperCase()} ${path} ${status}`, new Set())) problems.add(p);
        }
      }
    expect([...problems]).toEqual([]);
  });

  it('the main views answer closed objects', () => {
    for (const name of ['Board', 'BoardItem', 'AssignedTaskView', 'UnassignedTaskView', 'Overview', 'Accountability']) {
      expect({ name, closed: (doc.components!.schemas![name] as SchemaObject).additionalProperties }).toEqual({
        name,
        closed: false,
      });
    }
  });
});
