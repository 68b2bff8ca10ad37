/**
 * Operational endpoints off the public port (issue 15): /metrics (route-level counts of failed
 * logins, the Node version) and /health/ready (store, Redis, projections) answer only on the
 * management listener; the public port keeps a minimal liveness /health.
 */
import request from 'supertest';
import { ManagementServer } from '../../apps/api/src/metrics/management';
import { createTestApp, testRedisUrl, type TestApp } from '../support/test-app';

describe('security: management endpoints on their own port', () => {
  let t: TestApp;
  let managementUrl: string;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp({ MANAGEMENT_PORT: '0' });
    const bound = await t.app.get(ManagementServer).listen(t.app, 0, '127.0.0.1');
    managementUrl = `http://127.0.0.1:${bound.port}`;
  }, 60_000);
  afterAll(() => t.close());

  it('the public port answers 404 for /metrics and /health/ready, and a /health without details', async () => {
    for (const path of ['/metrics', '/health/ready', '/health/ready/', '/metrics?x=1']) {
      const res = await http().get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
      expect(res.text).not.toMatch(/nodejs_version|eventStore|http_request_duration/);
    }
    const health = await http().get('/health').expect(200);
    expect(health.body.status).toBe('ok');
    expect(JSON.stringify(health.body)).not.toMatch(/eventStore|projections|redis|position/);
  });

  it('the management port serves them (real listener), and nothing else', async () => {
    const metrics = await request(managementUrl).get('/metrics').expect(200);
    expect(metrics.text).toMatch(/nodejs_version_info/);
    const ready = await request(managementUrl).get('/health/ready').expect(200);
    expect(ready.body.details.eventStore.status).toBe('up');
    await request(managementUrl).get('/health').expect(200);
    await request(managementUrl).get('/tasks').expect(404);
    await request(managementUrl).post('/auth/login').send({ username: 'a', password: 'b' }).expect(404);
  });
});

const redisUrl = testRedisUrl();
(redisUrl ? describe : describe.skip)('security: a 503 says when to come back', () => {
  it('readiness down (nothing listens at REDIS_URL) answers 503 with Retry-After', async () => {
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    const bound = await t.app.get(ManagementServer).listen(t.app, 0, '127.0.0.1');
    const res = await request(`http://127.0.0.1:${bound.port}`).get('/health/ready').expect(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    await t.close();
  }, 60_000);
});
