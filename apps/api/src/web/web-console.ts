import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@zw/config';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import consolePaths from '../../../web/console-paths.json';

/**
 * The web console (apps/web, built by `npm run build` into dist/web) on the api's origin.
 * Hashed assets under /assets; index.html at / and under the console's own first path segments
 * (console-paths.json), which never equal an api route's: the console never shadows an api route
 * and an unknown api path still answers JSON 404, never HTML. Without a build nothing is served.
 */
export function serveWebConsole(app: NestExpressApplication, root = findWebRoot()): boolean {
  if (!root) return false;
  // The console names no plan in its code: the deployment's default plan travels in the page.
  const plan = app.get<AppConfig>(APP_CONFIG).defaultPlanId;
  const index = readFileSync(join(root, 'index.html'), 'utf8').replace(
    '<head>',
    `<head>\n    <meta name="zw-plan" content="${escapeHtml(plan)}" />`,
  );
  // Hashed names: cached for good. An unknown asset falls through to the api's JSON 404.
  app.useStaticAssets(join(root, 'assets'), { prefix: '/assets', immutable: true, maxAge: '365d' });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !isConsolePath(req.path)) return next();
    // index.html names the current hashed bundles: never cached, so a deployment is picked up at once.
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(index);
  });
  return true;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const SEGMENTS = new Set<string>(consolePaths.segments);

export function isConsolePath(path: string): boolean {
  if (path === '/') return true;
  const first = path.split('/')[1] ?? '';
  return SEGMENTS.has(first);
}

/** dist/web next to the compiled api (dist/apps/api/src/web), or from the sources (ts-node, tests). */
function findWebRoot(): string | undefined {
  const candidates = [resolve(__dirname, '../../../../web'), resolve(__dirname, '../../../../dist/web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}
