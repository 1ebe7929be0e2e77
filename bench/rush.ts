// `npm run bench:rush`: many units submit intentions over HTTP while 1,000 SSE clients watch the
// public board; then the same number of raw single-row INSERTs as the baseline (issue 3).
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openDb } from '../apps/server/src/db/client.ts';

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const units = Number(process.env.RUSH_UNITS ?? 2000);
const perUnit = 3;
const villages = units;
const total = units * perUnit;
const concurrency = Number(process.env.RUSH_CONCURRENCY ?? 64);
const sseClients = Number(process.env.RUSH_SSE ?? 1000);
// One server process by default: on the 2-core reference machine a second one only adds context
// switches against PostgreSQL and the load generator (RUSH_PROCESSES=2 exercises the cross-process
// LISTEN/NOTIFY path).
const processes = Number(process.env.RUSH_PROCESSES ?? 1);
const dbName = `pairing_rush_${process.pid}`;
const withDb = (name: string) => {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
const url = withDb(dbName);
const log = (line: string) => console.log(line);

async function seed() {
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
  const round = (
    await q<{ id: number }>(
      `insert into rounds (org_id, scope_path, name, period_start, period_end, policy_pack, intention_deadline,
       signing_deadline, term_end, village_cap, state)
     select id, path, '压力测试轮次', $1, $3, 'sh-2010', $2, $2, $3, ${perUnit}, 'intentions_open'
     from orgs where code = '3101' returning id::int as "id"`,
      [today, later, far],
    )
  ).rows[0];
  await dbh.close();
  return { roundId: round.id, tokens, villageIds };
}

function startServer(): Promise<{ child: ChildProcess; port: number }> {
  const script = fileURLToPath(new URL('./rush-server.ts', import.meta.url));
  // RUSH_NODE_ARGS: extra flags for the server processes, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p".
  const extra = (process.env.RUSH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', script], {
    env: { ...process.env, RUSH_DATABASE_URL: url, LOG_LEVEL: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const m = /PORT (\d+)/.exec(chunk.toString());
      if (m) resolve({ child, port: Number(m[1]) });
    });
  });
}

type Watcher = { arrivals: Array<{ at: number; count: number }>; req: http.ClientRequest };

function watch(port: number, roundId: number): Promise<Watcher> {
  return new Promise((resolve, reject) => {
    const w = { arrivals: [] } as unknown as Watcher;
    w.req = http.get(
      { host: '127.0.0.1', port, path: `/api/public/rounds/${roundId}/board/stream`, agent: false },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
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
            w.arrivals.push({
              at: Date.now(),
              count: b.intentions.pending + b.intentions.accepted,
            });
            if (w.arrivals.length === 1) resolve(w);
          }
        });
      },
    );
    w.req.on('error', reject);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function rush(ports: number[], roundId: number, tokens: string[], villageIds: number[]) {
  const agents = ports.map(() => new http.Agent({ keepAlive: true, maxSockets: concurrency }));
  const jobs = Array.from({ length: total }, (_, i) => ({
    unit: i % units,
    village: villageIds[((i % units) + Math.floor(i / units) * 7) % villages],
  }));
  const acks: Array<{
    sent: number;
    acked: number;
    committedAt: number;
    status: number;
    id?: number;
  }> = new Array(total);
  let next = 0;
  const post = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const job = jobs[i];
      const port = ports[i % ports.length];
      const body = JSON.stringify({ ruralOrgId: job.village });
      const sent = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/rounds/${roundId}/intentions`,
          agent: agents[i % ports.length],
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            cookie: `pairing_sid=${tokens[job.unit]}`,
            'idempotency-key': `rush-${i}-${roundId}`,
          },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => {
            const acked = performance.now();
            const id =
              res.statusCode === 201 ? (JSON.parse(text).intention.id as number) : undefined;
            if (res.statusCode !== 201 && i < 3) log(`unexpected ${res.statusCode}: ${text}`);
            const committedAt = Number(res.headers['x-committed-at'] ?? Date.now());
            acks[i] = { sent, acked, committedAt, status: res.statusCode ?? 0, id };
            resolve();
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await post(next++);
    }),
  );
  const elapsed = performance.now() - started;
  for (const a of agents) a.destroy();
  return { acks, elapsed };
}

async function baseline(n: number) {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  await pool.query(
    'create table rush_baseline (id bigint generated always as identity primary key, a bigint, b bigint, at timestamptz)',
  );
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        await pool.query('insert into rush_baseline (a, b, at) values ($1, $2, now())', [i, i * 2]);
      }
    }),
  );
  const elapsed = performance.now() - started;
  await pool.end();
  return (n / elapsed) * 1000;
}

async function main() {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const servers: ChildProcess[] = [];
  const watchers: Watcher[] = [];
  try {
    log(
      `rush: ${units} units × ${perUnit} intentions = ${total}, concurrency ${concurrency}, ${sseClients} SSE clients, ${processes} server process(es)`,
    );
    const { roundId, tokens, villageIds } = await seed();
    const started = await Promise.all(Array.from({ length: processes }, () => startServer()));
    servers.push(...started.map((s) => s.child));
    const ports = started.map((s) => s.port);
    for (let i = 0; i < sseClients; i += 100)
      watchers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(100, sseClients - i) }, (_, j) =>
            watch(ports[(i + j) % ports.length], roundId),
          ),
        )),
      );
    log(`seeded; ${watchers.length} SSE clients connected`);

    const { acks, elapsed } = await rush(ports, roundId, tokens, villageIds);
    const okAcks = acks.filter((a) => a.status === 201);
    // Give the streams time to deliver the final board.
    const deadline = performance.now() + 5000;
    while (
      performance.now() < deadline &&
      watchers.some((w) => (w.arrivals.at(-1)?.count ?? 0) < okAcks.length)
    )
      await new Promise((r) => setTimeout(r, 100));

    const latencies = acks.map((a) => a.acked - a.sent).sort((a, b) => a - b);
    // SSE lag: the k-th committed intention (the server's wall-clock time when its transaction had
    // committed, header x-committed-at) reaches a client with the first board whose count is ≥ k;
    // arrivals are taken with the same wall clock on this machine.
    const ackTimes = okAcks.map((a) => a.committedAt).sort((a, b) => a - b);
    const histogram = new Uint32Array(60_001);
    let missing = 0;
    for (const w of watchers) {
      let k = 0;
      for (const { at, count } of w.arrivals) {
        for (; k < Math.min(count, ackTimes.length); k++)
          histogram[Math.min(60_000, Math.max(0, Math.round(at - ackTimes[k])))]++;
      }
      missing += ackTimes.length - k;
    }
    let seen = 0;
    const all = watchers.length * ackTimes.length - missing;
    let lagP99 = 0;
    for (let ms = 0; ms < histogram.length; ms++) {
      seen += histogram[ms];
      if (seen >= all * 0.99) {
        lagP99 = ms;
        break;
      }
    }
    if (missing) lagP99 = Math.max(lagP99, 60_000);

    const check = await openDb({ url, poolSize: 2 });
    const rows = (
      await check.query<{ id: number; urban: number; rural: number }>(
        `select id::int as "id", urban_org_id::int as "urban", rural_org_id::int as "rural" from intentions where round_id = $1`,
        [roundId],
      )
    ).rows;
    await check.close();
    const rowIds = new Set(rows.map((r) => r.id));
    const ackIds = okAcks.map((a) => a.id!);
    const lost = ackIds.filter((id) => !rowIds.has(id)).length + (total - okAcks.length);
    const pairs = new Set(rows.map((r) => `${r.urban}:${r.rural}`));
    const duplicated =
      rows.length -
      pairs.size +
      (ackIds.length - new Set(ackIds).size) +
      rows.filter((r) => !ackIds.includes(r.id)).length;

    for (const s of servers) s.kill('SIGTERM');
    for (const w of watchers) w.req.destroy();
    const intentsPerS = (okAcks.length / elapsed) * 1000;
    const insertsPerS = await baseline(total);
    log(`intentions: ${okAcks.length}/${total} acknowledged in ${(elapsed / 1000).toFixed(2)} s`);
    log(
      `latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );
    log(
      `SSE: ${watchers.length} clients, ${watchers.reduce((n, w) => n + w.arrivals.length, 0)} board messages, lag p99 ${lagP99} ms${missing ? ` (${missing} deliveries missing)` : ''}`,
    );
    log(
      `baseline: ${insertsPerS.toFixed(0)} raw single-row INSERTs/s at concurrency ${concurrency}`,
    );
    log(
      `RESULT intents_per_s=${intentsPerS.toFixed(0)} p99_ms=${percentile(latencies, 99).toFixed(1)} sse_lag_p99_ms=${lagP99} lost=${lost} duplicated=${duplicated} insert_ratio=${(intentsPerS / insertsPerS).toFixed(3)}`,
    );
  } finally {
    for (const s of servers) if (s.exitCode == null) s.kill('SIGTERM');
    for (const w of watchers) w.req.destroy();
    await new Promise((r) => setTimeout(r, 300));
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

await main();
