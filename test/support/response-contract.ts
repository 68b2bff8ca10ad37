import type { OpenAPIObject } from '@nestjs/swagger';
import type { OperationObject, ReferenceObject, ResponseObject } from '@nestjs/swagger';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, Response } from 'express';

interface Operation {
  readonly key: string;
  readonly method: string;
  readonly pattern: RegExp;
  readonly literal: number;
  readonly op: OperationObject;
}

/**
 * Every answer an e2e test receives, checked against the OpenAPI document (`/docs-json`): the
 * operation must document the status, a JSON body must match its schema (ajv), an error must
 * be an ErrorResponse whose message is Chinese. createTestApp installs it on every test app and
 * fails the suite on close when anything did not match, so the document cannot drift.
 */
export class ResponseContract {
  readonly violations = new Set<string>();
  private readonly ajv = new Ajv({ strict: false, allErrors: false });
  private readonly operations: Operation[];
  private readonly validators = new Map<string, ValidateFunction>();
  private checked = 0;

  constructor(document: OpenAPIObject) {
    addFormats(this.ajv);
    // Refs inside the document's schemas point at '#/components/…' of the document itself.
    this.ajv.addSchema({ $id: 'openapi', components: rebase(document.components) });
    this.operations = Object.entries(document.paths)
      .flatMap(([path, item]) =>
        (['get', 'post', 'put', 'delete', 'patch'] as const).flatMap((method) => {
          const op = item[method];
          if (!op) return [];
          const source = path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+');
          return [
            {
              key: `${method.toUpperCase()} ${path}`,
              method: method.toUpperCase(),
              pattern: new RegExp(`^${source}$`),
              literal: path.replace(/\{[^}]+\}/g, '').length,
              op,
            },
          ];
        }),
      )
      // The most literal template first: /indicators.xlsx before /indicators/{indicatorId}.
      .sort((a, b) => b.literal - a.literal);
  }

  /** How many answers were checked (a test can show the hook saw its requests). */
  get count(): number {
    return this.checked;
  }

  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    let body: unknown;
    const send = res.send.bind(res);
    res.send = (chunk?: unknown) => {
      body ??= chunk;
      return send(chunk);
    };
    res.on('finish', () => this.check(req.method, req.originalUrl, res, body));
    next();
  };

  private check(method: string, url: string, res: Response, raw: unknown): void {
    this.checked++;
    const path = url.split('?')[0]!;
    const status = res.statusCode;
    const type = String(res.getHeader('content-type') ?? '');
    const json = type.includes('json') ? parse(raw) : undefined;
    const found = this.operations.find((o) => o.method === method && o.pattern.test(path));
    if (status >= 400) {
      this.validate(
        'ErrorResponse',
        { $ref: 'openapi#/components/schemas/ErrorResponse' },
        json,
        `${method} ${path} ${status}`,
      );
      const message = (json as { message?: unknown } | undefined)?.message;
      if (typeof message !== 'string' || !/[\u4e00-\u9fff]/.test(message)) {
        this.violations.add(`${method} ${path} ${status}: message not in Chinese: ${JSON.stringify(message)}`);
      }
    }
    // A path no route serves (404 from the router) is only held to the error shape.
    if (!found) return;
    const response = found.op.responses[String(status)] as ResponseObject | ReferenceObject | undefined;
    if (!response) {
      this.violations.add(`${found.key}: status ${status} not documented`);
      return;
    }
    if (status >= 400 || status === 204 || status === 304 || method === 'HEAD') return;
    const content = 'content' in response ? response.content : undefined;
    if (!content) {
      if (raw !== undefined && raw !== '') this.violations.add(`${found.key} ${status}: body not documented`);
      return;
    }
    if (json === undefined) {
      const media = type.split(';')[0]!;
      if (!content[media] && !content['*/*']) this.violations.add(`${found.key} ${status}: ${media} not documented`);
      return;
    }
    const schema = content['application/json']?.schema;
    if (!schema) {
      this.violations.add(`${found.key} ${status}: JSON answered, no JSON schema documented`);
      return;
    }
    this.validate(`${found.key} ${status}`, rebase(schema), json, `${found.key} ${status}`);
  }

  private validate(id: string, schema: object, value: unknown, where: string): void {
    let validate = this.validators.get(id);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(id, validate);
    }
    if (!validate(value)) {
      const first = validate.errors?.[0];
      this.violations.add(`${where}: ${first?.instancePath || '(body)'} ${first?.message ?? 'invalid'}`);
    }
  }

  /** The violations as one message, or undefined when every answer matched. */
  report(): string | undefined {
    if (this.violations.size === 0) return undefined;
    return `${this.violations.size} answers do not match the OpenAPI document:\n${[...this.violations].slice(0, 30).join('\n')}`;
  }
}

function parse(raw: unknown): unknown {
  if (raw === undefined) return undefined;
  if (typeof raw === 'string' || Buffer.isBuffer(raw)) {
    try {
      return JSON.parse(raw.toString());
    } catch {
      return raw.toString();
    }
  }
  return raw;
}

/** `#/components/…` → `openapi#/components/…`, so a schema compiled alone finds the document's. */
function rebase<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? {}).replace(/"#\/components\//g, '"openapi#/components/')) as T;
}
