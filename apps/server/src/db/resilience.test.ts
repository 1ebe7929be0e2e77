import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.ts';
import { withDatabase } from '../../test/global-setup.ts';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { createScenario, type Scenario } from '../../test/scenario.ts';
import { openStream } from '../../test/sse.ts';
import { openRound, submit } from '../modules/rounds/testing.ts';
import { isDatabaseUnavailable, openDb } from './client.ts';

const url = process.env.DATABASE_URL;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('start-up with an unreachable database', () => {
  const run = (script: string, args: string[]) =>
    new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args],
        {
          env: { ...process.env, DATABASE_URL: 'postgres://pairing:s3cret@127.0.0.1:1/nowhere' },
          stdio: ['ignore', 'ignore', 'pipe'],
        },
      );
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stderr }));
    });

  it.each([
    ['the server', '../main.ts', []],
    ['a CLI command', '../cli.ts', ['create-admin', '--username', 'x']],
  ])('%s prints one line without the password and exits non-zero', async (_name, script, args) => {
    const { code, stderr } = await run(script, args);
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^无法连接数据库 postgres:\/\/pairing:\*\*\*@127\.0\.0\.1:1\/nowhere: .*ECONNREFUSED/,
    );
    expect(stderr).not.toContain('s3cret');
  });
});

// Terminating backends is PostgreSQL's; the embedded database has no connections to lose.
describe.skipIf(!url)('dropped database connections (PostgreSQL)', () => {
  let env: TestEnv;
  let sc: Scenario;
  let base: string;
  let admin: pg.Client;
  let dbName: string;
  const warnings: string[] = [];

  beforeAll(async () => {
    env = await createTestEnv();
    sc = await createScenario(env);
    await env.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(env.app.server.address() as { port: number }).port}`;
    dbName = (await env.dbh.query<{ db: string }>('select current_database() as db')).rows[0].db;
    admin = new pg.Client({ connectionString: withDatabase(url!, dbName) });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await env?.close();
  });

  /** Every backend of this test's own database but the terminating one; other files run alongside. */
  const terminateAll = async () =>
    (
      await admin.query<{ n: number }>(
        `select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
         where datname = current_database() and pid <> pg_backend_pid()`,
      )
    ).rows[0].n;
  const listening = async () =>
    (
      await admin.query<{ n: number }>(
        `select count(*)::int as n from pg_stat_activity
         where datname = current_database() and query like 'LISTEN%'`,
      )
    ).rows[0].n;
  const until = async (test: () => Promise<boolean>, ms = 10_000) => {
    const end = Date.now() + ms;
    while (!(await test())) {
      if (Date.now() > end) throw new Error('condition not reached');
      await sleep(50);
    }
  };

  it('survives idle, busy and LISTEN connections being terminated; requests fail with 503 or succeed, then recover, and the board catches up', async () => {
    const roundId = await openRound(env, sc.actors.city_admin.cookie);
    const stream = await openStream(base, roundId);
    try {
      const first = await stream.next(() => true);
      expect(await listening()).toBe(1);

      // A stream of public and signed-in requests through the whole episode.
      const statuses: number[] = [];
      const badBodies: unknown[] = [];
      let running = true;
      const traffic = (async () => {
        while (running) {
          for (const [path, cookie] of [
            ['/api/health', undefined],
            [`/api/public/rounds/${roundId}/board`, undefined],
            ['/api/auth/me', sc.actors.city_admin.cookie],
          ] as const) {
            const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {} }).catch(
              () => undefined,
            );
            if (!res) {
              statuses.push(0);
              continue;
            }
            statuses.push(res.status);
            const body = (await res.json()) as { error?: { code?: string } };
            if (res.status === 503 && body.error?.code !== 'database_unavailable')
              badBodies.push(body);
          }
        }
      })();

      // Warm the pool so idle connections exist, and keep one statement busy while terminating.
      await Promise.all(Array.from({ length: 5 }, () => env.dbh.query('select 1')));
      const busy = env.dbh.query('select pg_sleep(5)').then(
        () => 'finished',
        (err: unknown) => err,
      );
      await sleep(100);
      // Renamed behind the application's back (no NOTIFY) in the transaction that cuts every
      // connection, so the commit lands a moment after the LISTEN connection is cut and well
      // before it returns (100 ms at the soonest): only the resynchronisation once it listens again
      // can bring the new name to the watcher.
      const results = (await admin.query(
        `begin;
         select count(pg_terminate_backend(pid))::int as n from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid();
         update rounds set name = name || '（断线期间）' where id = ${Number(roundId)};
         commit`,
      )) as unknown as pg.QueryResult<{ n: number }>[];
      expect(results[1].rows[0].n).toBeGreaterThanOrEqual(3); // busy, idle and LISTEN at least
      const busyOutcome = await busy;
      expect(isDatabaseUnavailable(busyOutcome)).toBe(true);

      // A pooled connection killed a moment ago may still be handed out once: that statement fails
      // as unavailable and the next one gets a fresh connection, as a retrying client would.
      await until(() =>
        env.dbh.query('select 1').then(
          () => true,
          (err: unknown) => {
            expect(isDatabaseUnavailable(err)).toBe(true);
            return false;
          },
        ),
      );
      await until(async () => (await listening()) === 1);
      const renamed = await stream.next((b) => b.name !== first.name, 5_000);
      expect(renamed.name).toBe(`${first.name}（断线期间）`);

      // A second episode right away: the listener reconnects again.
      await terminateAll();
      await until(async () => (await listening()) === 1);
      // As in the first episode, a killed pooled connection may be handed out once more: that
      // request answers 503 (nothing written) and the client's retry goes through.
      let sent: Awaited<ReturnType<typeof submit>> | undefined;
      await until(async () => {
        sent = await submit(env, sc.actors.unit_admin.cookie, roundId, {
          ruralOrgId: sc.a.village.id,
        });
        return sent.statusCode !== 503;
      });
      expect(sent!.statusCode).toBe(201);
      await stream.next((b) => b.intentions.pending === 1, 3_000);

      await sleep(200);
      running = false;
      await traffic;
      expect(statuses.length).toBeGreaterThan(10);
      expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect(badBodies).toEqual([]);
      const health = await fetch(`${base}/api/health`);
      expect(health.status).toBe(200);
    } finally {
      stream.close();
    }
  });

  it('answers 503 in the shared shape, with health degraded, while the database is away', async () => {
    const nowhere = new URL(withDatabase(url!, dbName));
    nowhere.hostname = '127.0.0.1';
    nowhere.port = '1';
    const away = await openDb({ url: nowhere.toString(), warn: (line) => warnings.push(line) });
    const app = await buildApp({ dbh: away, clock: env.clock, config: { secureCookies: false } });
    try {
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({
        ok: false,
        error: { code: 'database_unavailable', fields: {} },
      });
      const board = await app.inject({ method: 'GET', url: '/api/public/rounds/1/board' });
      expect(board.statusCode).toBe(503);
      expect(board.headers['retry-after']).toBeDefined();
      expect(board.json()).toEqual({
        error: {
          code: 'database_unavailable',
          message: expect.stringMatching(/数据库/),
          fields: {},
        },
      });
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'city_admin', password: 'whatever1A!' },
      });
      expect(login.statusCode).toBe(503);
      // The board's LISTEN connection keeps trying, and says so.
      expect(warnings[0]).toMatch(/^数据库监听连接失败/);
    } finally {
      await app.close();
      await away.close();
    }
  });
});
