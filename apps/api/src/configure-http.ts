import type { NestExpressApplication } from '@nestjs/platform-express';

/** Request body limit: commands are small; a plan file upload is the largest expected body. */
export const BODY_LIMIT = '1mb';

/** HTTP settings that are not modules; shared by main.ts and the e2e tests. */
export function configureHttp(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.disable('x-powered-by');
}
