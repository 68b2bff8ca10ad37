import request from 'supertest';
import { managementHandler } from '../apps/api/src/metrics/management';
import { createTestApp, testRedisUrl, type TestApp } from './support/test-app';

describe('api on the embedded default (SQLite file)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t.close());

  it('answers liveness on /health', async () => {
    const res = await request(t.app.getHttpServer()).get('/health').expect(200);
    expect(res.body.status).toBe('ok');
  });

  it('reports the event store in readiness (on the management port)', async () => {
    const res = await request(managementHandler(t.app)).get('/health/ready').expect(200);
    expect(res.body.details.eventStore.status).toBe('up');
    expect(res.body.details.redis).toBeUndefined();
    expect(res.body.details.projections).toMatchObject({ status: 'up', skippedEvents: 0 });
  });

  it('exposes Prometheus metrics on the management port, labelled by route pattern', async () => {
    await request(t.app.getHttpServer()).get('/health');
    const res = await request(managementHandler(t.app)).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/);
    expect(res.text).toMatch(/process_resident_memory_bytes/);
  });

  it('answers an unknown route with the one JSON error shape and echoes the correlation id', async () => {
    const res = await request(t.app.getHttpServer())
      .get('/no-such-route')
      .set('X-Correlation-Id', 'req-42')
      .expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    expect(res.body.stack).toBeUndefined();
    expect(res.headers['x-correlation-id']).toBe('req-42');
  });

  it('refuses a body over the size limit with 413', async () => {
    await request(t.app.getHttpServer())
      .post('/health')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ blob: 'x'.repeat(2 * 1024 * 1024) }))
      .expect(413);
  });
});

const redisUrl = testRedisUrl();
(redisUrl ? describe : describe.skip)('readiness with Redis configured (real redis-server)', () => {
  it('reports Redis up when it answers', async () => {
    const t = await createTestApp({ REDIS_URL: redisUrl! });
    const res = await request(managementHandler(t.app)).get('/health/ready').expect(200);
    expect(res.body.details.redis.status).toBe('up');
    await t.close();
  });

  it('reports 503 with Redis down when nothing listens at REDIS_URL', async () => {
    const t = await createTestApp({ REDIS_URL: 'redis://127.0.0.1:1' });
    const res = await request(managementHandler(t.app)).get('/health/ready').expect(503);
    expect(res.body.details.redis.status).toBe('down');
    expect(res.body.details.eventStore.status).toBe('up');
    await t.close();
  });
});

describe('OpenAPI', () => {
  it('serves the document generated from the DTOs, with Chinese descriptions, and Swagger UI at /docs', async () => {
    const t = await createTestApp();
    const doc = (await request(t.app.getHttpServer()).get('/docs-json').expect(200)).body;
    expect(doc.info.title).toBe('无废城市建设任务督办 API');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/tasks/{code}/acknowledgements',
        '/tasks/{code}/milestones/{milestoneId}/completion',
        '/plans',
      ]),
    );
    expect(doc.components.schemas.ProgressReportDto.properties.percent.description).toBe('完成百分比 0-100');
    await request(t.app.getHttpServer()).get('/docs').expect(200);
    await t.close();
  });
});
