// `npm run bench:soak` (not in CI): the rush's city for SOAK_MINUTES (30) at half the rush rate.
// Units submit intentions and withdraw them again (so the places never run out) while SOAK_SSE
// (1,000) clients watch the board. The server's RSS and heap are sampled every 10 s, printed as a
// curve and written to bench/out/soak-<time>.csv; the RESULT line gives start, end and maximum and
// the slope of a least-squares line through the samples after the first tenth (the warm-up).
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { seed, startServer, villageOf, watch, type Server, type Watcher } from './rush-setup.ts';

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const minutes = Number(process.env.SOAK_MINUTES ?? 30);
const units = Number(process.env.SOAK_UNITS ?? 2000);
const sseClients = Number(process.env.SOAK_SSE ?? 1000);
const calibrateS = Number(process.env.SOAK_CALIBRATE_S ?? 20);
const concurrency = 64;
const sampleMs = 10_000;
const log = (line: string) => console.log(line);

type Load = { port: number; roundId: number; tokens: string[]; villageIds: number[] };

function post(
  load: Load,
  agent: http.Agent,
  path: string,
  token: string,
  body: unknown,
  key?: string,
) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const text = JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: load.port,
        method: 'POST',
        path,
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
          cookie: `pairing_sid=${token}`,
          ...(key ? { 'idempotency-key': key } : {}),
        },
      },
      (res) => {
        let answer = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (answer += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: answer }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });
}

/** One unit's intention to a village, withdrawn again: two writes, the board changes twice. */
function cycles(load: Load, agent: http.Agent, phase: string) {
  let n = 0;
  const counts = { cycles: 0, errors: 0 };
  const one = async () => {
    const i = n++;
    const unit = i % load.tokens.length;
    const village = villageOf(i, load.tokens.length, load.villageIds);
    const token = load.tokens[unit];
    try {
      const made = await post(
        load,
        agent,
        `/api/rounds/${load.roundId}/intentions`,
        token,
        { ruralOrgId: village },
        `soak-${phase}-${i}`,
      );
      if (made.status !== 201) throw new Error(`submit ${made.status}: ${made.text}`);
      const id = JSON.parse(made.text).intention.id as number;
      const gone = await post(load, agent, `/api/intentions/${id}/withdraw`, token, {});
      if (gone.status !== 200) throw new Error(`withdraw ${gone.status}: ${gone.text}`);
      counts.cycles += 1;
    } catch (err) {
      if (counts.errors++ < 3) log(String(err));
    }
  };
  return { one, counts };
}

/** The rush rate: cycles per second from `concurrency` clients as fast as they are answered. */
async function calibrate(load: Load) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { one, counts } = cycles(load, agent, 'calibrate');
  const until = performance.now() + calibrateS * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) await one();
    }),
  );
  agent.destroy();
  return (counts.cycles / (performance.now() - started)) * 1000;
}

/** `rate` cycles per second on a fixed schedule (at most `concurrency` in flight). */
async function steady(load: Load, rate: number, server: Server) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const { one, counts } = cycles(load, agent, 'steady');
  const started = Date.now();
  const until = started + minutes * 60_000;
  let inFlight = 0;
  let skipped = 0;
  let due = 0;
  const tick = setInterval(() => {
    due += rate / 10;
    for (; due >= 1; due -= 1) {
      if (inFlight >= concurrency) {
        skipped += 1;
        continue;
      }
      inFlight += 1;
      void one().finally(() => (inFlight -= 1));
    }
  }, 100);
  let reported = 0;
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    for (; reported < server.memory.length; reported += 1) {
      const s = server.memory[reported];
      log(
        `t=${((s.at - started) / 1000).toFixed(0)}s rss=${mb(s.rss)}MB heap=${mb(s.heapUsed)}MB cycles=${counts.cycles} errors=${counts.errors} skipped=${skipped}`,
      );
    }
  }
  clearInterval(tick);
  while (inFlight) await new Promise((r) => setTimeout(r, 50));
  agent.destroy();
  return { started, ...counts, skipped };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

/** Least-squares slope of `value` over time, in MB per hour. */
function slope(samples: Array<{ at: number; value: number }>) {
  const n = samples.length;
  if (n < 2) return 0;
  const mx = samples.reduce((a, s) => a + s.at, 0) / n;
  const my = samples.reduce((a, s) => a + s.value, 0) / n;
  let num = 0;
  let den = 0;
  for (const s of samples) {
    num += (s.at - mx) * (s.value - my);
    den += (s.at - mx) ** 2;
  }
  return den ? ((num / den) * 3_600_000) / 1024 / 1024 : 0;
}

async function main() {
  const dbName = `pairing_soak_${process.pid}`;
  const u = new URL(baseUrl);
  u.pathname = `/${dbName}`;
  const url = u.toString();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  let server: Server | undefined;
  const watchers: Watcher[] = [];
  try {
    process.env.RUSH_SAMPLE_MS = String(sampleMs);
    const { roundId, tokens, villageIds } = await seed(url, units, 3);
    server = await startServer(url, 1, log);
    const load: Load = { port: server.port, roundId, tokens, villageIds };
    for (let i = 0; i < sseClients; i += 100)
      watchers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(100, sseClients - i) }, () => watch(load.port, roundId)),
        )),
      );
    const rushRate = await calibrate(load);
    const rate = rushRate / 2;
    log(
      `soak: ${minutes} min at ${rate.toFixed(1)} cycles/s (rush ${rushRate.toFixed(1)}/s; a cycle is a submission and its withdrawal), ${watchers.length} watchers`,
    );
    server.memory.length = 0;
    const run = await steady(load, rate, server);
    const samples = server.memory.map((s) => ({ ...s, t: (s.at - run.started) / 1000 }));
    const out = fileURLToPath(new URL('./out/', import.meta.url));
    mkdirSync(out, { recursive: true });
    const csv = `${out}soak-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`;
    writeFileSync(
      csv,
      `t_s,rss_bytes,heap_used_bytes\n${samples.map((s) => `${s.t.toFixed(0)},${s.rss},${s.heapUsed}`).join('\n')}\n`,
    );
    const settled = samples.filter((s) => s.t >= (minutes * 60) / 10);
    const rss = samples.map((s) => s.rss);
    const heap = samples.map((s) => s.heapUsed);
    log(
      `${run.cycles} cycles, ${run.errors} errors, ${run.skipped} skipped (server behind); curve in ${csv.slice(csv.indexOf('bench/'))}`,
    );
    log(
      `RESULT minutes=${minutes} rate_per_s=${rate.toFixed(1)} cycles=${run.cycles} errors=${run.errors} rss_start_mb=${mb(rss[0] ?? 0)} rss_end_mb=${mb(rss.at(-1) ?? 0)} rss_max_mb=${mb(Math.max(...rss))} rss_slope_mb_per_h=${slope(settled.map((s) => ({ at: s.at, value: s.rss }))).toFixed(1)} heap_start_mb=${mb(heap[0] ?? 0)} heap_end_mb=${mb(heap.at(-1) ?? 0)} heap_max_mb=${mb(Math.max(...heap))} heap_slope_mb_per_h=${slope(settled.map((s) => ({ at: s.at, value: s.heapUsed }))).toFixed(1)}`,
    );
  } finally {
    for (const w of watchers) {
      w.closed = true;
      w.req.destroy();
    }
    if (server && server.child.exitCode === null) {
      const exited = new Promise((resolve) => server!.child.once('exit', resolve));
      server.child.kill('SIGTERM');
      await exited;
    }
    await admin.query(`drop database if exists ${dbName} with (force)`);
    await admin.end();
  }
}

await main();
