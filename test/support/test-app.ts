import { Test } from '@nestjs/testing';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { CLOCK, type Clock } from '@zw/clock';
import { loadConfig, type AppConfig } from '@zw/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from '../../apps/api/src/app.module';
import { configureHttp } from '../../apps/api/src/configure-http';
import { buildOpenApiDocument } from '../../apps/api/src/openapi/openapi.document';
import { ResponseContract } from './response-contract';
import type { NextFunction, Request, Response } from 'express';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Every answer of this app checked against the OpenAPI document; close() fails on a mismatch. */
  contract: ResponseContract;
  close(): Promise<void>;
}

/**
 * The real api module on a throwaway data folder (a real SQLite file), as main.ts wires it.
 * Log in with `signIn(app)` (./sign-in.ts). The login throttle is raised far above what a
 * test's logins need unless the test sets LOGIN_THROTTLE_LIMIT itself.
 */
export async function createTestApp(
  env: Record<string, string> = {},
  overrides: { clock?: Clock; beforeInit?: (app: NestExpressApplication) => void } = {},
): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zw-e2e-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    LOGIN_THROTTLE_LIMIT: '100000',
    LOGIN_THROTTLE_ADDRESS_LIMIT: '100000',
    ...env,
  });
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config)] });
  // A ManualClock lets a test move through days and months without sleeping.
  if (overrides.clock) builder.overrideProvider(CLOCK).useValue(overrides.clock);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
  // Installed first, so it sees every answer; the document exists once the routes do.
  const hook: { contract?: ResponseContract } = {};
  app.use((req: Request, res: Response, next: NextFunction) =>
    hook.contract ? hook.contract.middleware(req, res, next) : next(),
  );
  configureHttp(app);
  overrides.beforeInit?.(app);
  await app.init();
  const contract = new ResponseContract(buildOpenApiDocument(app));
  hook.contract = contract;
  return {
    app,
    config,
    contract,
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
      const report = contract.report();
      if (report) throw new Error(report);
    },
  };
}

/** Redis for integration tests: the URL the test runner provides (scripts/test.mjs). */
export function testRedisUrl(): string | undefined {
  return process.env.TEST_REDIS_URL;
}
