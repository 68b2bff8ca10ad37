import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import consolePaths from '../apps/web/console-paths.json';
import { isConsolePath, serveWebConsole } from '../apps/api/src/web/web-console';
import { routesOf } from './support/routes';
import { createTestApp, type TestApp } from './support/test-app';

describe('web console served by the api (SPA fallback that never shadows an api route)', () => {
  let t: TestApp;
  let web: string;

  beforeAll(async () => {
    // A stand-in build so this test needs no `vite build`; the browser suite uses the real one.
    web = mkdtempSync(join(tmpdir(), 'zw-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(
      join(web, 'index.html'),
      '<!doctype html><html><head></head><body><div id="root"></div></body></html>',
    );
    writeFileSync(join(web, 'assets', 'app-1234.js'), 'console.log(1)');
    // Registered before the routes are, as configureHttp does with dist/web.
    t = await createTestApp({}, { beforeInit: (app) => serveWebConsole(app, web) });
  });
  afterAll(async () => {
    await t.close();
    rmSync(web, { recursive: true, force: true });
  });

  it('given every route of the app, then no console segment is the first segment of an api route', () => {
    const apiSegments = new Set(routesOf(t).map((route) => route.path.split('/')[1]!.replace(/\..*$/, '')));
    const clashes = consolePaths.segments.filter((segment) => apiSegments.has(segment));
    expect(clashes).toEqual([]);
    for (const route of routesOf(t)) expect(isConsolePath(route.path.replace(/:[^/]+/g, 'x'))).toBe(false);
  });

  it('given a browser, then / and console pages answer index.html, assets are served, api paths answer JSON', async () => {
    const http = () => request(t.app.getHttpServer());
    for (const path of ['/', '/login', '/todo', '/task/A-6', '/ledger?light=red']) {
      const res = await http().get(path).set('Accept', 'text/html');
      expect([path, res.status, res.headers['content-type']]).toEqual([path, 200, expect.stringMatching(/text\/html/)]);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
    // The deployment's default plan travels in the page; the console's code names none.
    const page = await http().get('/todo').set('Accept', 'text/html');
    expect(page.text).toContain(`<meta name="zw-plan" content="${t.config.defaultPlanId}" />`);
    const asset = await http().get('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toMatch(/immutable/);
    for (const path of ['/api/nothing', '/assets/missing.js', '/todos', '/tasks/A-6', '/board']) {
      const res = await http().get(path).set('Accept', 'text/html');
      expect([path, res.headers['content-type']]).toEqual([path, expect.stringMatching(/application\/json/)]);
      expect([404, 401]).toContain(res.status);
    }
    const post = await http().post('/login').send({});
    expect(post.headers['content-type']).toMatch(/application\/json/);
  });

  it('given console paths, then they are console paths; api and unknown paths are not', () => {
    expect(isConsolePath('/')).toBe(true);
    expect(isConsolePath('/todo')).toBe(true);
    expect(isConsolePath('/task/A-6')).toBe(true);
    expect(isConsolePath('/tasks/A-6')).toBe(false);
    expect(isConsolePath('/api/anything')).toBe(false);
    expect(isConsolePath('/todos')).toBe(false);
  });
});
