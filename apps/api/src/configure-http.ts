import type { NestExpressApplication } from '@nestjs/platform-express';

/** Request body limit: commands are small; a plan file upload is the largest expected body. */
export const BODY_LIMIT = '1mb';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** An office's task sheet is a binary .xlsx upload; larger than any command, still bounded. */
export const XLSX_LIMIT = '10mb';

/** HTTP settings that are not modules; shared by main.ts and the e2e tests. */
export function configureHttp(app: NestExpressApplication): void {
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('raw', { type: XLSX_MIME, limit: XLSX_LIMIT });
  app.disable('x-powered-by');
}
