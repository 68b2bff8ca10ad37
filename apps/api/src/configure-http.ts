import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import helmet from 'helmet';
import { verifyJsonLimits } from './security/json-limits';
import { retryAfter } from './security/retry-after';
import { bodyParserErrors } from './errors/api-errors';
import { buildOpenApiDocument } from './openapi/openapi.document';
import { publicSurface } from './metrics/management';
import { serveWebConsole } from './web/web-console';

/** Request body limit: commands are small; a plan file upload is the largest expected body. */
export const BODY_LIMIT = '1mb';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An office's task sheet is a binary .xlsx upload; larger than any command, still bounded. */
export const XLSX_LIMIT = '10mb';

/** HTTP settings that are not modules; shared by main.ts and the e2e tests. */
export function configureHttp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(APP_CONFIG);
  // Helmet's defaults (CSP self-only, nosniff, frame-ancestors, HSTS …) suit a JSON api;
  // Swagger UI at /docs loads its scripts from this origin, which CSP allows. Not
  // upgrade-insecure-requests: the embedded default serves plain HTTP on the office's LAN,
  // where upgrading /docs' scripts to https would break the page.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));
  // Browsers may call the api only from the configured origins; none configured → no CORS.
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: [...config.corsOrigins],
      methods: ['GET', 'POST', 'PUT', 'DELETE'],
      // X-Min-Position / X-Projection-Position: read-your-writes on the views (docs/projections.md).
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'If-Match',
        'Idempotency-Key',
        'X-Correlation-Id',
        'X-Min-Position',
        // Required with the refresh cookie (auth/sessions/refresh-cookie.ts).
        'X-Requested-With',
      ],
      // The refresh cookie of a browser session on an allowed origin.
      credentials: true,
      exposedHeaders: [
        'ETag',
        'X-Correlation-Id',
        'X-Projection-Position',
        'Content-Disposition',
        'Idempotent-Replayed',
      ],
      maxAge: 600,
    });
  }
  if (config.security.trustProxy !== undefined) app.set('trust proxy', config.security.trustProxy);
  app.use(retryAfter, publicSurface);
  app.useBodyParser('json', { limit: BODY_LIMIT, verify: verifyJsonLimits });
  app.useBodyParser('raw', { type: XLSX_MIME, limit: XLSX_LIMIT });
  app.use(bodyParserErrors);
  app.disable('x-powered-by');
  setupOpenApi(app);
  serveWebConsole(app);
}

/** OpenAPI from the DTOs and openapi/operations.ts (the contract), Swagger UI at /docs. */
function setupOpenApi(app: NestExpressApplication): void {
  SwaggerModule.setup('docs', app, () => openApiDocument(app));
}

/** The OpenAPI document of the app; also used by scripts/web-client.ts to generate the web client. */
export function openApiDocument(app: NestExpressApplication) {
  return buildOpenApiDocument(app);
}
