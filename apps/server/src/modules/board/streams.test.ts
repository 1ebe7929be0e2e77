import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { StreamLimits } from '../../lib/sse.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openStream } from '../../../test/sse.ts';
import { openRound } from '../rounds/testing.ts';
import { coalesceMs } from './hub.ts';

let env: TestEnv;
let sc: Scenario;
let roundId: number;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
  roundId = await openRound(env, sc.actors.city_admin.cookie);
});
afterAll(() => env.close());

/** An app on the test database with its own stream caps, listening on a free port. */
async function serve(streams: StreamLimits, boardRefreshMs?: number) {
  const app = await buildApp({
    dbh: env.dbh,
    clock: env.clock,
    // The test's sources arrive as X-Forwarded-For from a proxy on this host.
    config: { secureCookies: false, streams, boardRefreshMs, trustedProxies: ['127.0.0.1'] },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  return { app, base };
}

const streamUrl = (base: string) => `${base}/api/public/rounds/${roundId}/board/stream`;

describe('public board streams (R-LIVE-STATUS)', () => {
  it('caps streams per source with 503, Retry-After and the shared error shape, and frees a slot when a stream ends', async () => {
    const { app, base } = await serve({ perSource: 3, total: 100 });
    const open: AbortController[] = [];
    const attempt = async (source: string) => {
      const controller = new AbortController();
      const res = await fetch(streamUrl(base), {
        headers: { 'x-forwarded-for': source },
        signal: controller.signal,
      });
      if (res.status === 200) open.push(controller);
      return res;
    };
    try {
      for (let i = 0; i < 3; i += 1) expect((await attempt('10.1.1.1')).status).toBe(200);
      const refused = await attempt('10.1.1.1');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await refused.json()).toEqual({
        error: { code: 'too_many_streams', message: expect.stringMatching(/连接/), fields: {} },
      });
      expect((await attempt('10.1.1.2')).status).toBe(200);
      open.shift()!.abort();
      await sleep(100);
      expect((await attempt('10.1.1.1')).status).toBe(200);
    } finally {
      for (const c of open) c.abort();
      await app.close();
    }
  });

  it('21,000 stream attempts leave health and login answering; beyond the total cap each is refused', async () => {
    const total = 300;
    const { app, base } = await serve({ perSource: 20, total });
    // The answers are kept: a collected Response has its stream cancelled, which frees its slot.
    const open: Array<{ controller: AbortController; res: Response }> = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const attempts = 21_000;
    const flood = async () => {
      while (next < attempts) {
        const i = next++;
        const controller = new AbortController();
        // 3,000 sources, 7 attempts each: under the per-source cap, so the total cap decides.
        const source = `10.2.${Math.floor((i % 3000) / 250)}.${i % 250}`;
        const res = await fetch(streamUrl(base), {
          headers: { 'x-forwarded-for': source },
          signal: controller.signal,
        }).catch(() => undefined);
        const status = res?.status ?? 0;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status === 200) open.push({ controller, res: res! });
        else await res?.arrayBuffer();
      }
    };
    const probes: Array<{ what: string; status: number; ms: number }> = [];
    const probe = async (what: string, make: () => Promise<Response>) => {
      const started = performance.now();
      const res = await make();
      await res.arrayBuffer();
      probes.push({ what, status: res.status, ms: performance.now() - started });
    };
    try {
      const started = performance.now();
      const workers = Array.from({ length: 100 }, flood);
      while (next < attempts) {
        await probe('health', () => fetch(`${base}/api/health`));
        await sleep(200);
      }
      await probe('login', () =>
        fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: 'nobody', password: 'Wrong-passw0rd' }),
        }),
      );
      await Promise.all(workers);
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `streams: ${attempts} attempts in ${seconds.toFixed(1)} s, answers ${JSON.stringify(Object.fromEntries(statuses))}, ` +
          `health ${probes.filter((p) => p.what === 'health').length} probes, slowest ${Math.max(...probes.map((p) => p.ms)).toFixed(0)} ms`,
      );
      expect(Object.fromEntries(statuses)).toEqual({ 200: total, 503: attempts - total });
      expect(probes.filter((p) => p.what === 'health').every((p) => p.status === 200)).toBe(true);
      expect(probes.find((p) => p.what === 'login')?.status).toBe(401);
    } finally {
      for (const { controller } of open) controller.abort();
      await app.close();
    }
  }, 120_000);

  it('sends one computed board to every watcher, at most one frame per round per window', async () => {
    const { app, base } = await serve({ perSource: 100, total: 100 });
    const watchers = await Promise.all(Array.from({ length: 30 }, () => openStream(base, roundId)));
    try {
      const first = await Promise.all(watchers.map((w) => w.next(() => true)));
      expect(new Set(first.map((b) => b.computedAt)).size).toBe(1);
      // 20 changes in about 2 s, each announced like a committed intention; the bound below counts
      // the windows the changes really spanned, which a loaded machine stretches.
      const started = Date.now();
      for (let i = 0; i < 20; i += 1) {
        await env.dbh.query(`update rounds set name = name || '·' where id = $1;`, [roundId]);
        await env.dbh.query(`select pg_notify('board', $1)`, [String(roundId)]);
        await sleep(100);
      }
      const spanned = Date.now() - started;
      await sleep(coalesceMs + 500);
      const last = await Promise.all(
        watchers.map((w) => w.next((b) => b.name.endsWith('·'.repeat(20)), 3_000)),
      );
      expect(new Set(last.map((b) => b.computedAt)).size).toBe(1);
      const arrivals = watchers[0]
        .received()
        .slice(1)
        .map((r) => r.at);
      expect(arrivals.length).toBeGreaterThan(0);
      expect(arrivals.length).toBeLessThanOrEqual(Math.ceil(spanned / coalesceMs) + 1);
      for (let i = 1; i < arrivals.length; i += 1)
        expect(arrivals[i] - arrivals[i - 1]).toBeGreaterThanOrEqual(250);
    } finally {
      for (const w of watchers) w.close();
      await app.close();
    }
  });

  it('drops a client that does not read instead of buffering for it', async () => {
    // One stream per source: the slow client's source gets a stream again once it is dropped.
    const { app, base } = await serve({ perSource: 1, total: 100 }, 100);
    const [{ name: before }] = (
      await env.dbh.query<{ name: string }>('select name from rounds where id = $1', [roundId])
    ).rows;
    const { port } = new URL(base);
    const slow = connect(Number(port), '127.0.0.1');
    slow.write(
      `GET /api/public/rounds/${roundId}/board/stream HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: 10.3.3.3\r\n\r\n`,
    );
    slow.on('error', () => {});
    slow.pause();
    const reader = await openStream(base, roundId);
    const admitted = async () => {
      const controller = new AbortController();
      const res = await fetch(streamUrl(base), {
        headers: { 'x-forwarded-for': '10.3.3.3' },
        signal: controller.signal,
      });
      controller.abort();
      return res.status === 200;
    };
    try {
      await sleep(300);
      expect(await admitted()).toBe(false);
      // Boards of about 1 MB each (a long round name), a new one every refresh.
      const started = Date.now();
      let dropped = false;
      let name = '';
      for (let i = 0; !dropped && Date.now() - started < 40_000; i += 1) {
        name = `${i}`.padEnd(1_000_000, '长');
        await env.dbh.query(`update rounds set name = $2 where id = $1`, [roundId, name]);
        await sleep(200);
        dropped = await admitted();
      }
      expect(dropped).toBe(true);
      // The reading client on the same round still gets every board.
      await reader.next((b) => b.name === name, 3_000);
    } finally {
      slow.destroy();
      reader.close();
      await app.close();
      await env.dbh.query(`update rounds set name = $2 where id = $1`, [roundId, before]);
    }
  }, 60_000);
});
