// What the rush and soak benchmarks share: the seeded city, the server processes, the board
// watchers.
import { fork, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDb } from '../apps/server/src/db/client.ts';

/**
 * The rush's load, the same for bench:rush, bench:rush-floor and the rush's server: `units` units
 * (RUSH_UNITS) of `perUnit` intentions each, sent by `concurrency` clients (RUSH_CONCURRENCY), the
 * server's pool of `pool` connections (RUSH_POOL), on PostgreSQL at `baseUrl` (DATABASE_URL).
 */
const units = Number(process.env.RUSH_UNITS ?? 2000);
export const rushLoad = {
  baseUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  units,
  perUnit: 3,
  total: units * 3,
  concurrency: Number(process.env.RUSH_CONCURRENCY ?? 64),
  pool: Number(process.env.RUSH_POOL ?? 16),
};

/** The intention rush's city: `units` units of capacity `perUnit`, as many villages, two open rounds. */
export async function seed(url: string, units: number, perUnit: number) {
  const villages = units;
  const dbh = await openDb({ url, poolSize: 2 });
  await dbh.migrate();
  const q = dbh.query;
  // One city, one district, 20 towns, the villages under them, the units under a working committee.
  await q(
    `insert into orgs (kind, code, name, path, depth, province_code) values ('city', '3101', '上海市', '', 1, '31')`,
  );
  await q(`update orgs set path = '/' || id || '/' where code = '3101'`);
  await q(`insert into orgs (kind, code, name, parent_id, path, depth, province_code)
    select 'district', '310116', '金山区', id, '', 2, '31' from orgs where code = '3101'`);
  await q(`insert into orgs (kind, name, parent_id, path, depth, province_code)
    select 'working_committee', '市级机关工委', id, '', 2, '31' from orgs where code = '3101'`);
  await q(`insert into orgs (kind, code, name, parent_id, path, depth, province_code)
    select 'town', '310116' || lpad(g::text, 3, '0'), '测试镇' || g, d.id, '', 3, '31'
    from generate_series(1, 20) g, orgs d where d.code = '310116'`);
  await q(
    `update orgs c set path = p.path || c.id || '/' from orgs p where c.parent_id = p.id and p.code = '3101'`,
  );
  await q(
    `update orgs c set path = p.path || c.id || '/' from orgs p where c.parent_id = p.id and p.code = '310116'`,
  );
  await q(
    `insert into orgs (kind, code, name, parent_id, path, depth, province_code, weak_village)
    select 'village', '310116' || lpad((1 + g % 20)::text, 3, '0') || lpad((200 + g / 20)::text, 3, '0'),
      '测试村' || g, t.id, t.path, 4, '31', g % 4 = 0
    from generate_series(0, $1::int - 1) g
    join orgs t on t.code = '310116' || lpad((1 + g % 20)::text, 3, '0')`,
    [villages],
  );
  await q(`update orgs set path = path || id || '/' where kind = 'village'`);
  await q(
    `insert into orgs (kind, name, parent_id, path, depth, province_code, capacity)
    select 'urban_unit', '测试单位' || g, w.id, w.path, 3, '31', ${perUnit}
    from generate_series(1, $1::int) g, orgs w where w.kind = 'working_committee'`,
    [units],
  );
  await q(`update orgs set path = path || id || '/' where kind = 'urban_unit'`);
  await q(`insert into users (username, display_name, password_hash, org_id, role, must_change_password)
    select 'unit' || id, name, 'not-used', id, 'unit_admin', false from orgs where kind = 'urban_unit'`);
  // Sessions are written directly: sign-in hashing is not what this benchmark measures.
  const users = (
    await q<{ id: number; orgId: number }>(
      `select u.id::int as "id", u.org_id::int as "orgId" from users u order by u.id`,
    )
  ).rows;
  const tokens = users.map(() => randomBytes(32).toString('base64url'));
  await q(
    `insert into sessions (token_hash, user_id) select * from unnest($1::text[], $2::bigint[])`,
    [tokens.map((t) => createHash('sha256').update(t).digest('hex')), users.map((u) => u.id)],
  );
  const villageIds = (
    await q<{ id: number }>(`select id::int as "id" from orgs where kind = 'village' order by id`)
  ).rows.map((r) => r.id);
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const later = new Date(Date.now() + 40 * 86400_000).toISOString().slice(0, 10);
  const far = new Date(Date.now() + 1200 * 86400_000).toISOString().slice(0, 10);
  // Two alike rounds: the rush's, and one the server warms up on first (places and capacity are
  // counted per round, so the warm-up takes none of the rush's).
  const rounds = (
    await q<{ id: number; name: string }>(
      `insert into rounds (org_id, scope_path, name, period_start, period_end, policy_pack, intention_deadline,
       signing_deadline, term_end, village_cap, state)
     select orgs.id, orgs.path, n.name, $1, $3, 'sh-2010', $2, $2, $3, ${perUnit}, 'intentions_open'
     from orgs, unnest(array['压力测试轮次', '预热轮次']) as n(name)
     where code = '3101' returning id::int as "id", name`,
      [today, later, far],
    )
  ).rows;
  await dbh.close();
  const idOf = (name: string) => rounds.find((r) => r.name === name)!.id;
  return { roundId: idOf('压力测试轮次'), warmUpRoundId: idOf('预热轮次'), tokens, villageIds };
}

/** The baseline: `n` raw single-row INSERTs at `concurrency` on the database at `url`, per second. */
export async function rawInsertRate(url: string, n: number, concurrency: number) {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  // pool.end() resolves before its connections close; the database's drop then ends them.
  pool.on('error', () => {});
  await pool.query(
    'create table rush_baseline (id bigint generated always as identity primary key, a bigint, b bigint, at timestamptz)',
  );
  const elapsed = await atConcurrency(n, concurrency, (i) =>
    pool.query('insert into rush_baseline (a, b, at) values ($1, $2, now())', [i, i * 2]),
  );
  await pool.end();
  return (n / elapsed) * 1000;
}

/** Run `job(0)` … `job(n - 1)` with `concurrency` of them under way at once; the milliseconds. */
export async function atConcurrency(
  n: number,
  concurrency: number,
  job: (i: number) => Promise<unknown>,
) {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await job(next++);
    }),
  );
  return performance.now() - started;
}

/**
 * The village of the city's `i`-th submission: unit `i % units`, each unit's later submissions
 * seven villages on, so a village is asked by a few units and no unit asks one twice.
 */
export const villageOf = (i: number, units: number, villageIds: number[]) =>
  villageIds[((i % units) + Math.floor(i / units) * 7) % villageIds.length];

export const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export type MemorySample = { at: number; rss: number; heapUsed: number };
export type Server = {
  child: ChildProcess;
  port: number;
  workerPids: number[];
  /** With RUSH_SAMPLE_MS set: the server's memory every so often. */
  memory: MemorySample[];
};

/**
 * CPU time the server's processes have used so far (ms, user + system), read from /proc: the
 * figure that says what a submission costs the server whatever else the shared machine runs.
 * Undefined where /proc is not there.
 */
export function serverCpuMs(server: Server) {
  const msPerTick = 10; // Linux's USER_HZ
  let total = 0;
  for (const pid of new Set([server.child.pid!, ...server.workerPids])) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * msPerTick;
    } catch {
      return undefined;
    }
  }
  return total;
}

/** The server: one process, or a primary with `processes` workers on one port. */
export async function startServer(
  url: string,
  processes: number,
  log: (line: string) => void,
): Promise<Server> {
  const script = fileURLToPath(new URL('./rush-server.ts', import.meta.url));
  // RUSH_NODE_ARGS: extra flags for the server processes, e.g. "--cpu-prof --cpu-prof-dir=DIR".
  const extra = (process.env.RUSH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const port = await freePort();
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', script], {
    env: {
      ...process.env,
      RUSH_DATABASE_URL: url,
      RUSH_PROCESSES: String(processes),
      RUSH_PORT: String(port),
      LOG_LEVEL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const server: Server = { child, port, workerPids: [], memory: [] };
  let output = '';
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const lines = output.split('\n');
      output = lines.pop()!;
      for (const line of lines) {
        const worker = /^WORKER (\d+)/.exec(line);
        const memory = /^MEMORY \d+ (\d+) (\d+)/.exec(line);
        if (memory)
          server.memory.push({
            at: Date.now(),
            rss: Number(memory[1]),
            heapUsed: Number(memory[2]),
          });
        else if (worker) server.workerPids.push(Number(worker[1]));
        else if (line.startsWith('PORT ')) resolve(server);
        else if (line) log(`server: ${line}`);
      }
    });
  });
}

export type Watcher = {
  arrivals: Array<{ at: number; count: number }>;
  req: http.ClientRequest;
  closed: boolean;
  reconnects: number;
};

/**
 * One board watcher; like a browser's EventSource it connects again when its stream ends (its
 * process was killed), and keeps its arrivals across connections.
 */
export function watch(port: number, roundId: number, w?: Watcher): Promise<Watcher> {
  return new Promise((resolve, reject) => {
    w ??= { arrivals: [], closed: false, reconnects: 0 } as unknown as Watcher;
    const own = w;
    const again = () => {
      if (own.closed) return;
      own.reconnects += 1;
      setTimeout(() => void watch(port, roundId, own).catch(again), 200);
    };
    let first = true;
    own.req = http.get(
      { host: '127.0.0.1', port, path: `/api/public/rounds/${roundId}/board/stream`, agent: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
        res.on('close', again);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            if (!data) continue;
            const b = JSON.parse(data.slice(6)) as {
              intentions: { pending: number; accepted: number };
            };
            own.arrivals.push({
              at: Date.now(),
              count: b.intentions.pending + b.intentions.accepted,
            });
            if (first) {
              first = false;
              resolve(own);
            }
          }
        });
      },
    );
    own.req.on('error', (err) => (first ? reject(err) : undefined));
  });
}

export type WatchRequest = { id: number; ask: 'lowest' | 'report' | 'close' };
export type WatchReport = {
  /** Per watcher, the boards it received: [time, intentions counted] pairs. */
  arrivals: Array<Array<[number, number]>>;
  reconnects: number;
};

export type Watchers = {
  count: number;
  /** The intentions counted by the watcher that has seen the fewest. */
  lowest(): Promise<number>;
  report(): Promise<WatchReport>;
  close(): Promise<void>;
};

/** `count` watchers in a process of their own (rush-watchers.ts), connected when this resolves. */
export async function openWatchers(
  port: number,
  roundId: number,
  count: number,
): Promise<Watchers> {
  const script = fileURLToPath(new URL('./rush-watchers.ts', import.meta.url));
  const child = fork(script, [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      WATCH_PORT: String(port),
      WATCH_ROUND: String(roundId),
      WATCH_COUNT: String(count),
    },
  });
  const waiting = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  child.on('message', ({ id, value }: { id: number; value: unknown }) => {
    waiting.get(id)?.resolve(value);
    waiting.delete(id);
  });
  child.on('exit', (code) => {
    for (const { reject } of waiting.values()) reject(new Error(`watchers exited with ${code}`));
    waiting.clear();
  });
  let next = 0;
  // Id 0 is the message the process sends once its watchers are connected.
  const ask = <T>(question: WatchRequest['ask'] | 'ready') =>
    new Promise<T>((resolve, reject) => {
      const id = question === 'ready' ? 0 : ++next;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      if (question !== 'ready') child.send({ id, ask: question } satisfies WatchRequest);
    });
  const connected = await ask<number>('ready');
  return {
    count: connected,
    lowest: () => ask<number>('lowest'),
    report: () => ask<WatchReport>('report'),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await ask('close').catch(() => undefined);
      await exited;
    },
  };
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;
