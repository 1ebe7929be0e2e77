import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { queueOf } from '../modules/jobs/queue.ts';
import { clientHeader } from './cross-site.ts';

let env: TestEnv;
let app: Awaited<ReturnType<typeof buildApp>>;
const lines: Array<Record<string, unknown>> = [];
// A built web app, whose page the SPA fallback serves for every path it does not know.
const webDist = mkdtempSync(join(tmpdir(), 'pairing-web-'));
writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>web</title>');

beforeAll(async () => {
  env = await createTestEnv();
  const stream = new PassThrough();
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const part of parts) if (part) lines.push(JSON.parse(part));
  });
  app = await buildApp(
    {
      ...env,
      config: {
        ...env.config,
        webDist,
        metrics: { allow: ['198.51.100.0/24'], token: 's3cret-token' },
      },
    },
    { log: { level: 'info', stream } },
  );
  // A handler that fails the way a database error does: a cause, and parameters in the message.
  app.get('/api/test/fails', async () => {
    const cause = new Error('Failed query: select 1 where id = $1\nparams: 310101199001011234');
    throw new Error('ledger recompute failed', { cause });
  });
});
afterAll(async () => {
  await app.close();
  await env.close();
  rmSync(webDist, { recursive: true, force: true });
});

const metricsText = async (headers: Record<string, string> = {}, remoteAddress?: string) =>
  app.inject({ method: 'GET', url: '/metrics', headers, remoteAddress });

/** The value of one series line (`name{labels} value`) in the exposition text, 0 when absent. */
function series(text: string, name: string, labels: Record<string, string>) {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (m && m[1] === name && wanted.every((w) => (m[2] ?? '').split(',').includes(w)))
      return Number(m[3]);
  }
  return 0;
}

describe('request ids', () => {
  it('keeps a safe incoming id and echoes it', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'edge-42.a' },
    });
    expect(res.headers['x-request-id']).toBe('edge-42.a');
  });

  it('replaces an unsafe or overlong id with its own', async () => {
    for (const given of ['a b', 'x'.repeat(65), '<script>', '']) {
      const res = await app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'x-request-id': given },
      });
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});

describe('logs', () => {
  it('logs a 5xx with its cause and request id, without the query parameters or credentials', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/test/fails?name=张三',
      headers: {
        'x-request-id': 'trace-500',
        cookie: 'sid=secret-cookie',
        authorization: 'Bearer abc',
      },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json().error.code).toBe('internal_error');
    const failure = lines.find((l) => l.reqId === 'trace-500' && l.level === 50);
    expect(failure).toMatchObject({
      msg: 'request failed',
      err: {
        message: 'ledger recompute failed',
        cause: { message: 'Failed query: select 1 where id = $1' },
      },
    });
    const all = JSON.stringify(lines.filter((l) => l.reqId === 'trace-500'));
    expect(all).toContain('"url":"/api/test/fails"');
    for (const secret of ['310101199001011234', 'secret-cookie', 'Bearer abc', '张三'])
      expect(all).not.toContain(secret);
  });
});

describe('/metrics', () => {
  it('answers Prometheus text with the named metrics from loopback', async () => {
    const res = await metricsText();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    for (const name of [
      'http_request_duration_seconds',
      'nodejs_eventloop_lag_seconds',
      'sse_clients',
      'job_queue_depth',
      'process_resident_memory_bytes',
    ])
      expect(res.body).toContain(`# TYPE ${name} `);
    if (env.dbh.kind === 'postgres')
      expect(res.body).toContain('db_pool_connections{state="total"}');
    // Every sample line parses as name{labels} value (Go reads NaN in any case).
    for (const line of res.body.split('\n').filter((l) => l && !l.startsWith('#')))
      expect(line).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*(\{.*\})? -?(\d|NaN|Nan|\+Inf|-Inf)/);
  });

  it('counts a request under its route pattern and status class', async () => {
    const labels = { method: 'GET', route: '/api/public/rounds/:id/board', status_class: '4xx' };
    const count = async () =>
      series((await metricsText()).body, 'http_request_duration_seconds_count', labels);
    const before = await count();
    await app.inject({ method: 'GET', url: '/api/public/rounds/999999/board' });
    expect(await count()).toBe(before + 1);
  });

  it('counts import jobs by state', async () => {
    await env.dbh.query(
      `insert into import_jobs (kind, status, actor_id) values ('units', 'running', 1), ('units', 'running', 1)`,
    );
    const text = (await metricsText()).body;
    expect(series(text, 'job_queue_depth', { queue: 'imports', state: 'running' })).toBe(2);
  });

  it('counts the jobs of the background queue waiting and running, by queue', async () => {
    const waiting = async () =>
      series((await metricsText()).body, 'job_queue_depth', {
        queue: 'allocation.run',
        state: 'created',
      });
    const before = await waiting();
    // Due in an hour: no worker takes it while the test looks.
    await queueOf(env.dbh).send('allocation.run', {}, { startAfter: 3600 });
    expect(await waiting()).toBe(before + 1);
    expect(
      series((await metricsText()).body, 'job_queue_depth', { queue: 'import', state: 'active' }),
    ).toBe(0);
  });

  it('is not there for a foreign address, nor for loopback through a proxy', async () => {
    expect((await metricsText({}, '203.0.113.9')).statusCode).toBe(404);
    expect((await metricsText({ 'x-forwarded-for': '203.0.113.9' })).statusCode).toBe(404);
    expect(
      (await metricsText({ authorization: 'Bearer wrong-token' }, '203.0.113.9')).statusCode,
    ).toBe(404);
    expect((await metricsText({}, '198.51.100.7')).statusCode).toBe(200);
    expect((await metricsText({}, '::ffff:198.51.100.7')).statusCode).toBe(200);
    expect(
      (await metricsText({ authorization: 'Bearer s3cret-token' }, '203.0.113.9')).statusCode,
    ).toBe(200);
  });

  it('is not the web page, which every other unknown path gets', async () => {
    const page = await app.inject({ method: 'GET', url: '/metricz', remoteAddress: '203.0.113.9' });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    const res = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { [clientHeader]: 'x' },
      remoteAddress: '203.0.113.9',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: '接口不存在', fields: {} } });
  });
});
