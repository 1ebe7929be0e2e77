// `npm run bench:rush`: many units submit intentions over HTTP while SSE clients watch the public
// board, on a server warmed up first (`warmUp`); then the same number of raw single-row INSERTs as
// the baseline (issue 3). By default it runs 1,000 and 10,000 watchers with 1 and 2 server
// processes, and once more with 2 processes while one of them is killed (SIGKILL) a third of the
// way in; RUSH_SSE and RUSH_PROCESSES (and RUSH_KILL=1) run one configuration, RUSH_REPEAT=k runs
// the set k times alternately and reports each configuration's medians.
import http from 'node:http';
import pg from 'pg';
import { openDb } from '../apps/server/src/db/client.ts';
import { authSettings } from '../apps/server/src/modules/auth/settings.ts';
import { openFileLimit } from '../apps/server/src/lib/sse.ts';
import {
  atConcurrency,
  openWatchers,
  percentile,
  rawInsertRate,
  rushLoad,
  serverCpuMs,
  villageOf,
  seed,
  startServer,
  type Server,
  type Watchers,
} from './rush-setup.ts';

const { baseUrl, units, perUnit, total, concurrency } = rushLoad;
const repeat = Number(process.env.RUSH_REPEAT ?? 1);

type Config = { watchers: number; processes: number; kill: boolean };
const configs: Config[] =
  process.env.RUSH_SSE || process.env.RUSH_PROCESSES
    ? [
        {
          watchers: Number(process.env.RUSH_SSE ?? 1000),
          processes: Number(process.env.RUSH_PROCESSES ?? 1),
          kill: process.env.RUSH_KILL === '1',
        },
      ]
    : [
        { watchers: 1000, processes: 1, kill: false },
        { watchers: 1000, processes: 2, kill: false },
        { watchers: 10_000, processes: 1, kill: false },
        { watchers: 10_000, processes: 2, kill: false },
        { watchers: 1000, processes: 2, kill: true },
      ];

const withDb = (name: string) => {
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  return u.toString();
};
let url = '';
const log = (line: string) => console.log(line);

type Ack = { sent: number; acked: number; committedAt: number; status: number; id?: number };

/**
 * `count` submissions from `concurrency` clients. A client whose connection fails (its process was
 * killed) sends the same request again with the same Idempotency-Key, as the web app's outbox
 * does: it lands once whether or not the first attempt committed. `atThird` runs once a third of
 * the submissions have been answered.
 */
async function rush(
  port: number,
  roundId: number,
  tokens: string[],
  villageIds: number[],
  atThird: () => void,
  count = total,
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const jobs = Array.from({ length: count }, (_, i) => ({
    unit: i % units,
    village: villageOf(i, units, villageIds),
  }));
  const acks: Ack[] = new Array(count);
  let answered = 0;
  let retries = 0;
  const attempt = (i: number, sent: number) =>
    new Promise<Ack>((resolve, reject) => {
      const job = jobs[i];
      const body = JSON.stringify({ ruralOrgId: job.village });
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/rounds/${roundId}/intentions`,
          agent,
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
          res.on('error', reject);
          res.on('end', () => {
            const acked = performance.now();
            const id =
              res.statusCode === 201 ? (JSON.parse(text).intention.id as number) : undefined;
            if (res.statusCode !== 201 && i < 3) log(`unexpected ${res.statusCode}: ${text}`);
            const committedAt = Number(res.headers['x-committed-at'] ?? Date.now());
            resolve({ sent, acked, committedAt, status: res.statusCode ?? 0, id });
          });
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const post = async (i: number) => {
    const sent = performance.now();
    for (let tries = 0; ; tries += 1) {
      try {
        acks[i] = await attempt(i, sent);
        break;
      } catch (err) {
        if (tries >= 20) throw err;
        retries += 1;
        await new Promise((r) => setTimeout(r, 50 * (tries + 1)));
      }
    }
    if (++answered === Math.floor(count / 3)) atThird();
  };
  const cpu = process.cpuUsage();
  const elapsed = await atConcurrency(count, concurrency, post);
  const { user, system } = process.cpuUsage(cpu);
  agent.destroy();
  // The load generator's CPU per request (µs): taken from the same two cores as the server's.
  return { acks, elapsed, retries, clientCpuUs: (user + system) / count };
}

/**
 * A city's server has run for hours when its deadline comes: its code is compiled and each pool
 * connection has prepared the submission. Each unit submits once in a round of its own first (a
 * cold process answered the rush's first thousand at a p99 of 300 ms, the rest under 100 ms);
 * then the sessions it looked up are let expire from the session cache, so that each unit's first
 * submission of the rush still looks its session up.
 */
async function warmUp(port: number, roundId: number, tokens: string[], villageIds: number[]) {
  const { acks, elapsed } = await rush(port, roundId, tokens, villageIds, () => {}, units);
  const refused = acks.filter((a) => a.status !== 201).length;
  if (refused) throw new Error(`warm-up: ${refused} of ${units} submissions refused`);
  const latencies = acks.map((a) => a.acked - a.sent).sort((a, b) => a - b);
  log(
    `warm-up on a cold server: ${units} submissions at ${((units / elapsed) * 1000).toFixed(0)}/s, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
  );
  await new Promise((r) => setTimeout(r, authSettings.sessionCacheMs + 1_000));
}

type Outcome = {
  intentsPerS: number;
  p99: number;
  lagP99: number;
  lost: number;
  duplicated: number;
  insertsPerS: number;
  /** The server processes' CPU time per acknowledged submission (µs), the board's frames included. */
  serverCpuUs: number;
  clientCpuUs: number;
};

async function runOnce(config: Config, run: number): Promise<Outcome> {
  const dbName = `pairing_rush_${process.pid}_${run}`;
  url = withDb(dbName);
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  let server: Server | undefined;
  let watchers: Watchers | undefined;
  try {
    log(
      `rush: ${units} units × ${perUnit} intentions = ${total}, concurrency ${concurrency}, ${config.watchers} SSE clients, ${config.processes} server process(es)${config.kill ? ', one killed a third of the way in' : ''}`,
    );
    const { roundId, warmUpRoundId, tokens, villageIds } = await seed(url, units, perUnit);
    server = await startServer(url, config.processes, log);
    const { port } = server;
    watchers = await openWatchers(port, roundId, config.watchers);
    log(`seeded; ${watchers.count} SSE clients connected`);
    await warmUp(port, warmUpRoundId, tokens, villageIds);

    const victim = server.workerPids[0];
    const cpuBefore = serverCpuMs(server);
    const { acks, elapsed, retries, clientCpuUs } = await rush(
      port,
      roundId,
      tokens,
      villageIds,
      () => {
        if (!config.kill) return;
        log(`killing server process ${victim} (SIGKILL)`);
        process.kill(victim, 'SIGKILL');
      },
    );
    const okAcks = acks.filter((a) => a.status === 201);
    // A killed process takes its CPU time with it: no figure for that run.
    const cpuAfter = config.kill ? undefined : serverCpuMs(server);
    const serverCpuUs =
      cpuBefore === undefined || cpuAfter === undefined
        ? NaN
        : ((cpuAfter - cpuBefore) / okAcks.length) * 1000;
    // Give the streams time to deliver the final board.
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline && (await watchers.lowest()) < okAcks.length)
      await new Promise((r) => setTimeout(r, 100));
    const { arrivals, reconnects } = await watchers.report();

    const latencies = acks.map((a) => a.acked - a.sent).sort((a, b) => a - b);
    // SSE lag: the k-th committed intention (the server's wall-clock time when its transaction had
    // committed, header x-committed-at) reaches a client with the first board whose count is ≥ k;
    // arrivals are taken with the same wall clock on this machine.
    const ackTimes = okAcks.map((a) => a.committedAt).sort((a, b) => a - b);
    const histogram = new Uint32Array(60_001);
    let missing = 0;
    for (const boards of arrivals) {
      let k = 0;
      for (const [at, count] of boards) {
        for (; k < Math.min(count, ackTimes.length); k++)
          histogram[Math.min(60_000, Math.max(0, Math.round(at - ackTimes[k])))]++;
      }
      missing += ackTimes.length - k;
    }
    let seen = 0;
    const all = arrivals.length * ackTimes.length - missing;
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
    const ackIdSet = new Set(ackIds);
    const lost = ackIds.filter((id) => !rowIds.has(id)).length + (total - okAcks.length);
    const pairs = new Set(rows.map((r) => `${r.urban}:${r.rural}`));
    const duplicated =
      rows.length -
      pairs.size +
      (ackIds.length - ackIdSet.size) +
      rows.filter((r) => !ackIdSet.has(r.id)).length;

    await watchers.close();
    await stopServer(server);
    const intentsPerS = (okAcks.length / elapsed) * 1000;
    const insertsPerS = await rawInsertRate(url, total, concurrency);
    const p99 = percentile(latencies, 99);
    log(
      `intentions: ${okAcks.length}/${total} acknowledged in ${(elapsed / 1000).toFixed(2)} s, ${retries} retried after a connection error`,
    );
    log(`latency p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms`);
    log(
      `SSE: ${arrivals.length} clients (${reconnects} reconnections), ${arrivals.reduce((n, boards) => n + boards.length, 0)} board messages, lag p99 ${lagP99} ms${missing ? ` (${missing} deliveries missing)` : ''}`,
    );
    log(
      `baseline: ${insertsPerS.toFixed(0)} raw single-row INSERTs/s at concurrency ${concurrency}`,
    );
    return { intentsPerS, p99, lagP99, lost, duplicated, insertsPerS, serverCpuUs, clientCpuUs };
  } finally {
    await watchers?.close();
    if (server) await stopServer(server);
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function main() {
  // Each watcher is a socket here and one in a server process, on top of the database's.
  const files = openFileLimit();
  const most = Math.max(...configs.map((c) => c.watchers));
  if (files !== undefined && files < most + 1_000) {
    console.error(
      `open-file limit ${files} is below ${most + 1_000} for ${most} watchers: raise it (ulimit -n) first`,
    );
    process.exit(1);
  }
  const outcomes = configs.map(() => [] as Outcome[]);
  // Configurations alternate, so a slow spell of the shared machine spreads over all of them.
  for (let r = 0; r < repeat; r += 1)
    for (const [c, config] of configs.entries()) {
      const outcome = await runOnce(config, r * configs.length + c);
      outcomes[c].push(outcome);
      log(
        `run ${r + 1}: intents_per_s=${outcome.intentsPerS.toFixed(0)} p99_ms=${outcome.p99.toFixed(1)} sse_lag_p99_ms=${outcome.lagP99} lost=${outcome.lost} duplicated=${outcome.duplicated} insert_ratio=${(outcome.intentsPerS / outcome.insertsPerS).toFixed(3)} inserts_per_s=${outcome.insertsPerS.toFixed(0)} server_cpu_us=${outcome.serverCpuUs.toFixed(0)} client_cpu_us=${outcome.clientCpuUs.toFixed(0)} watchers=${config.watchers} processes=${config.processes} killed=${config.kill ? 1 : 0}\n`,
      );
    }
  // Medians of the runs (lost and duplicated: the worst run).
  for (const [c, config] of configs.entries()) {
    const of = (key: keyof Outcome) => median(outcomes[c].map((o) => o[key]));
    const worst = (key: keyof Outcome) => Math.max(...outcomes[c].map((o) => o[key]));
    const ratio = median(outcomes[c].map((o) => o.intentsPerS / o.insertsPerS));
    log(
      `RESULT intents_per_s=${of('intentsPerS').toFixed(0)} p99_ms=${of('p99').toFixed(1)} sse_lag_p99_ms=${of('lagP99')} lost=${worst('lost')} duplicated=${worst('duplicated')} insert_ratio=${ratio.toFixed(3)} watchers=${config.watchers} processes=${config.processes} killed=${config.kill ? 1 : 0} inserts_per_s=${of('insertsPerS').toFixed(0)} server_cpu_us=${of('serverCpuUs').toFixed(0)} client_cpu_us=${of('clientCpuUs').toFixed(0)} runs=${outcomes[c].length}`,
    );
  }
}

await main();
