import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processRole } from './cluster.ts';

describe('process role from WORKERS', () => {
  it('runs one process by default and a primary with workers on PostgreSQL', () => {
    expect(processRole({})).toEqual({ kind: 'single' });
    expect(processRole({ WORKERS: '1' })).toEqual({ kind: 'single' });
    expect(processRole({ WORKERS: '2', DATABASE_URL: 'postgres://x/y' })).toEqual({
      kind: 'primary',
      workers: 2,
    });
  });

  it('refuses several processes on the embedded PGlite and counts that are not one', () => {
    expect(() => processRole({ WORKERS: '2' })).toThrow(/PGlite/);
    for (const bad of ['0', '-1', '1.5', 'two', '65'])
      expect(() => processRole({ WORKERS: bad, DATABASE_URL: 'postgres://x/y' })).toThrow(
        /WORKERS/,
      );
  });
});

// The real server, started as `npm start` would with WORKERS=2, on a database of its own.
const baseUrl = process.env.DATABASE_URL;
const main = fileURLToPath(new URL('./main.ts', import.meta.url));

type Answer = { status: number; worker: string; body: string };

describe.skipIf(!baseUrl?.startsWith('postgres'))('two server processes on one PostgreSQL', () => {
  const dbName = `pairing_cluster_${process.pid}`;
  let admin: pg.Client;
  let db: pg.Client;
  let server: ChildProcess;
  let port: number;
  const agents: http.Agent[] = [];

  const freePort = () =>
    new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });

  const request = (
    agent: http.Agent,
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string> } = {},
  ) =>
    new Promise<Answer & { headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      const body = options.body === undefined ? undefined : JSON.stringify(options.body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path,
          agent,
          headers: {
            'x-requested-with': 'test',
            ...(body ? { 'content-type': 'application/json' } : {}),
            ...options.headers,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              worker: String(res.headers['x-worker']),
              body: text,
              headers: res.headers,
            }),
          );
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  /** A kept-alive connection the primary gave to a worker other than `not` (one socket). */
  async function connection(not?: string) {
    for (let i = 0; i < 20; i += 1) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const { worker } = await request(agent, 'GET', '/api/health');
      if (worker !== not) {
        agents.push(agent);
        return { agent, worker };
      }
      agent.destroy();
    }
    throw new Error('every connection went to one worker');
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create database ${dbName}`);
    const u = new URL(baseUrl!);
    u.pathname = `/${dbName}`;
    port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, DATABASE_URL: u.toString(), WORKERS: '2', PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('已启动')) resolve();
      };
      server.stdout!.on('data', read);
      server.stderr!.on('data', read);
    });
    db = new pg.Client({ connectionString: u.toString() });
    await db.connect();
  }, 240_000);

  afterAll(async () => {
    for (const agent of agents) agent.destroy();
    await db?.end();
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }, 60_000);

  it('serves a session signed in on one process from the other', async () => {
    const first = await connection();
    const other = await connection(first.worker);
    const login = await request(first.agent, 'POST', '/api/auth/login', {
      body: { username: 'unit_admin', password: 'Demo@2026' },
    });
    expect(login.status).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const me = await request(other.agent, 'GET', '/api/auth/me', { headers: { cookie } });
    expect(me.worker).not.toBe(login.worker);
    expect(me.status).toBe(200);
    expect(JSON.parse(me.body).user.username).toBe('unit_admin');
    // Without the cookie the other process knows nobody.
    expect((await request(other.agent, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('lands a retried create once and shows it to a board watcher on the other process', async () => {
    const watching = await connection();
    const writing = await connection(watching.worker);
    const login = await request(writing.agent, 'POST', '/api/auth/login', {
      body: { username: 'unit_admin', password: 'Demo@2026' },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const round = (
      await db.query<{ id: string }>(`select id from rounds where state = 'intentions_open'`)
    ).rows[0];
    const roundId = Number(round.id);

    const boards: number[] = [];
    const stream = http.get({
      host: '127.0.0.1',
      port,
      path: `/api/public/rounds/${roundId}/board/stream`,
      agent: watching.agent,
    });
    const streamWorker = new Promise<string>((resolve) =>
      stream.on('response', (res) => {
        resolve(String(res.headers['x-worker']));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const data = buffer
              .slice(0, end)
              .split('\n')
              .find((l) => l.startsWith('data: '));
            buffer = buffer.slice(end + 2);
            if (!data) continue;
            const board = JSON.parse(data.slice(6)) as {
              intentions: { pending: number; accepted: number };
            };
            boards.push(board.intentions.pending + board.intentions.accepted);
          }
        });
      }),
    );
    stream.on('error', () => {});
    expect(await streamWorker).toBe(watching.worker);
    await expect.poll(() => boards.length).toBeGreaterThan(0);
    const before = boards[0];

    // The unit's first weak village in the round that takes its intention.
    const villages = (
      await db.query<{ id: string }>(
        `select o.id from orgs o, rounds r where r.id = $1 and o.kind = 'village' and o.weak_village
           and starts_with(o.path, r.scope_path)
           and not exists (select 1 from intentions i where i.rural_org_id = o.id and i.round_id = r.id)
         order by o.id limit 20`,
        [roundId],
      )
    ).rows;
    let created: { key: string; body: string; village: number } | undefined;
    for (const [n, v] of villages.entries()) {
      const key = `cluster-${n}`;
      const answer = await request(writing.agent, 'POST', `/api/rounds/${roundId}/intentions`, {
        body: { ruralOrgId: Number(v.id) },
        headers: { cookie, 'idempotency-key': key },
      });
      expect(answer.worker).toBe(writing.worker);
      if (answer.status === 201) {
        created = { key, body: answer.body, village: Number(v.id) };
        break;
      }
    }
    expect(created).toBeDefined();
    // The same request retried through the other process answers the first answer again (the
    // stream holds the watching connection, so this is a second one to that process).
    const again = await connection(writing.worker);
    const retry = await request(again.agent, 'POST', `/api/rounds/${roundId}/intentions`, {
      body: { ruralOrgId: created!.village },
      headers: { cookie, 'idempotency-key': created!.key },
    });
    expect(retry.worker).not.toBe(writing.worker);
    expect(retry.status).toBe(201);
    expect(JSON.parse(retry.body)).toEqual(JSON.parse(created!.body));
    const rows = await db.query(
      `select 1 from intentions where round_id = $1 and rural_org_id = $2`,
      [roundId, created!.village],
    );
    expect(rows.rowCount).toBe(1);

    // The change made through the writing process reaches the watcher on the other one.
    await expect.poll(() => boards.at(-1), { timeout: 10_000 }).toBe(before + 1);
    stream.destroy();
  }, 60_000);
});
