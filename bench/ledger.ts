// `npm run bench:ledger`: the term's ledger on PostgreSQL at scale (issue 12) — 100,000 pairings
// and 3,000,000 records (LEDGER_BENCH_PAIRINGS, LEDGER_BENCH_RECORDS per pairing for quick runs):
// (a) p95 of recording one record with its pairing's compliance update (the create command),
// (b) p95 of a district's roll-up, (c) the full recompute of every pairing in pairings/s beside
// (d) the engine alone on the same ledgers, in the same run. Ends with one RESULT line.
import { evaluate, type Ledger } from '@pairing/policy';
import type { RecordInput } from '@pairing/shared';
import pg from 'pg';
import { openDb, type DbHandle } from '../apps/server/src/db/client.ts';
import { systemClock } from '../apps/server/src/lib/clock.ts';
import type { Scope } from '../apps/server/src/lib/scope.ts';
import { seededRandom } from '../apps/server/src/modules/demo/rng.ts';
import { createRecord } from '../apps/server/src/modules/ledger/commands/create-record.ts';
import {
  assembleLedger,
  packedLedgersAfter,
} from '../apps/server/src/modules/ledger/compliance/engine-ledger.ts';
import { recomputeAll } from '../apps/server/src/modules/ledger/compliance/recompute.ts';
import { todayOf } from '../apps/server/src/modules/ledger/days.ts';
import { rollup } from '../apps/server/src/modules/ledger/queries-rollup.ts';
import { cpuMeter } from './ledger-cpu.ts';
import { benchIds, generateLedgerData, rosterPerPairing } from './ledger-data.ts';

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const pairings = Number(process.env.LEDGER_BENCH_PAIRINGS ?? 100_000);
const recordsPerPairing = Number(process.env.LEDGER_BENCH_RECORDS ?? 30);
const writes = Number(process.env.LEDGER_BENCH_WRITES ?? 300);
const rollups = Number(process.env.LEDGER_BENCH_ROLLUPS ?? 100);
const database = `pairing_ledger_bench_${process.pid}`;
const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

const log = (line: string) => console.log(line);
const seconds = (ms: number) => (ms / 1000).toFixed(1);
const thousands = (n: number) => Math.round(n).toLocaleString('en-US');
const percentile = (sorted: number[], p: number) => sorted[Math.ceil(sorted.length * p) - 1];

async function timed<T>(fn: () => Promise<T>) {
  const started = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - started };
}

/** p50 and p95 of `count` calls after `warmup` untimed ones. */
async function latencies(count: number, warmup: number, call: (i: number) => Promise<unknown>) {
  const times: number[] = [];
  for (let i = 0; i < warmup + count; i++) {
    const { ms } = await timed(() => call(i));
    if (i >= warmup) times.push(ms);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const cityAdmin: Scope = {
  userId: 1,
  username: 'bench.city',
  role: 'city_admin',
  orgId: benchIds.cityId,
  path: `/${benchIds.cityId}/`,
};

const districtAdmin = (id: number): Scope => ({
  userId: 1,
  username: 'bench.district',
  role: 'district_admin',
  orgId: id,
  path: `/${benchIds.cityId}/${id}/`,
});

const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const dbh = await openDb({ url: withDatabase(baseUrl, database), poolSize: 4 });
try {
  await dbh.migrate();
  const today = todayOf(systemClock);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  log(
    `ledger bench: ${thousands(pairings)} pairings × ${recordsPerPairing} records on PostgreSQL, as of ${today}`,
  );
  const generated = await timed(() =>
    generateLedgerData(dbh, { pairings, recordsPerPairing, today }),
  );
  log(`generated in ${seconds(generated.ms)} s: ${await shapeOf(dbh)}`);

  // (c) The first fill stores every pairing; the day after, the daily run finds most answers
  // unchanged and only moves their day: that is the recompute every day brings.
  const fill = await measuredRecompute(yesterday);
  log(
    `(c) full recompute as of ${yesterday}, first fill (every answer written): ${thousands(fill.rate)} pairings/s (${seconds(fill.ms)} s; CPU: ${fill.cpu})`,
  );
  const daily = await measuredRecompute(today);
  log(
    `(c) full recompute as of ${today}, the next day (${thousands(daily.changed)} answers changed, ${thousands(daily.moved)} only moved their day): ${thousands(daily.rate)} pairings/s (${seconds(daily.ms)} s; CPU: ${daily.cpu})`,
  );

  // (d) The engine alone on the same ledgers, read and assembled beforehand.
  const read = await timed(() => allLedgers(dbh, today));
  const ledgers = read.result;
  log(
    `    reading and assembling the ${thousands(ledgers.length)} ledgers alone: ${seconds(read.ms)} s (${thousands(ledgers.length / (read.ms / 1000))} pairings/s)`,
  );
  let engineRate = 0;
  let engineCpuRate = 0;
  for (let round = 0; round < 3; round++) {
    const cpu = process.cpuUsage();
    const { ms } = await timed(async () => {
      for (const ledger of ledgers) evaluate(ledger, today);
    });
    const used = process.cpuUsage(cpu);
    engineRate = Math.max(engineRate, ledgers.length / (ms / 1000));
    engineCpuRate = Math.max(engineCpuRate, ledgers.length / ((used.user + used.system) / 1e6));
  }
  log(
    `(d) engine alone, evaluate() on the ledgers in memory: ${thousands(engineRate)} pairings/s (best of 3; ${thousands(engineCpuRate)} per CPU-second)`,
  );
  log(
    `    ratio recompute/engine: ${(daily.rate / engineRate).toFixed(2)} for the daily run, ${(fill.rate / engineRate).toFixed(2)} for the first fill (goal ≥ 0.3); per CPU-second (the engine's process, the recompute's process and its database sessions): ${(daily.cpuRate / engineCpuRate).toFixed(2)} and ${(fill.cpuRate / engineCpuRate).toFixed(2)}`,
  );

  // (a) One record through the create command: lock, checks, insert, audit, the pairing's
  // compliance recomputed and stored, the answer presented — one transaction.
  const rng = seededRandom(12);
  const write = await latencies(writes, 20, async () => {
    const i = rng.int(1, pairings);
    const { scope, input } = visitOf(i, today, rng.int(0, 20));
    await createRecord(dbh.db, scope, systemClock, i, input);
  });
  log(
    `(a) record a visit with its pairing's compliance update (createRecord), ${writes} on random pairings: p50 ${write.p50.toFixed(1)} ms, p95 ${write.p95.toFixed(1)} ms (goal < 50 ms)`,
  );

  // (b) A district admin's roll-up of its district by town, random districts.
  const districtRollup = await latencies(rollups, 10, () => {
    const d = benchIds.districtBase + rng.int(0, benchIds.districts - 1);
    return rollup(dbh.db, districtAdmin(d), { by: 'town' }, new Date());
  });
  log(
    `(b) district roll-up by town (about ${thousands(pairings / benchIds.districts)} pairings), ${rollups} calls: p50 ${districtRollup.p50.toFixed(1)} ms, p95 ${districtRollup.p95.toFixed(1)} ms (goal < 200 ms)`,
  );
  const cityRollup = await latencies(10, 2, () =>
    rollup(dbh.db, cityAdmin, { by: 'district' }, new Date()),
  );
  log(
    `    for context, the city's roll-up by district (all ${thousands(pairings)} pairings): p50 ${cityRollup.p50.toFixed(1)} ms, p95 ${cityRollup.p95.toFixed(1)} ms`,
  );

  log(
    `RESULT write_p95_ms=${write.p95.toFixed(1)} rollup_p95_ms=${districtRollup.p95.toFixed(1)} recompute_pairs_per_s=${Math.round(daily.rate)} engine_pairs_per_s=${Math.round(engineRate)}`,
  );
} finally {
  await dbh.close();
  await admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.end();
}

/** recomputeAll as of `at`, timed, with the CPU of this process and of its database sessions. */
async function measuredRecompute(at: string) {
  const meter = await cpuMeter(dbh);
  const { result, ms } = await timed(() => recomputeAll(dbh.db, at, { batchSize: 1000 }));
  const cpu = await meter();
  const rate = result.done / (ms / 1000);
  const total = cpu.node + (cpu.database ?? 0);
  return {
    ...result,
    ms,
    rate,
    cpuRate: result.done / total,
    cpu:
      cpu.database === null
        ? `${cpu.node.toFixed(1)} s here`
        : `${cpu.node.toFixed(1)} s here + ${cpu.database.toFixed(1)} s in PostgreSQL = ${thousands(result.done / total)} pairings per CPU-second`,
  };
}

async function allLedgers(db: DbHandle, at: string) {
  const ledgers: Ledger[] = [];
  for (let after = 0; ;) {
    const rows = await packedLedgersAfter(db.db, after, 1000, at);
    if (rows.length === 0) return ledgers;
    after = rows[rows.length - 1].id;
    for (const row of rows) ledgers.push(assembleLedger(row));
  }
}

async function shapeOf(db: DbHandle) {
  const { rows } = await db.query<{ orgs: number; roster: number; records: number; mb: number }>(
    `select (select count(*) from orgs)::int as orgs, (select count(*) from pairing_roster)::int as roster,
      (select count(*) from ledger_records)::int as records,
      (pg_total_relation_size('ledger_records') / 1048576)::int as mb`,
  );
  const s = rows[0];
  return `${thousands(s.orgs)} orgs, ${thousands(s.roster)} roster entries, ${thousands(s.records)} records (${thousands(s.mb)} MB with indexes)`;
}

/**
 * A visit to pairing `i` by its unit's working committee or central district (the urban side),
 * with the principal and the leader in charge, `daysAgo` days before today.
 */
function visitOf(i: number, today: string, daysAgo: number): { scope: Scope; input: RecordInput } {
  const parent = benchIds.unitParentOf(i, pairings);
  const date = new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000)
    .toISOString()
    .slice(0, 10);
  const roster = (i - 1) * rosterPerPairing;
  return {
    scope: {
      userId: 1,
      username: 'bench.committee',
      role: 'district_admin',
      orgId: parent,
      path: `/${benchIds.cityId}/${parent}/`,
    },
    input: {
      type: 'visit',
      date,
      place: '村委会',
      narrative: '走访结对村，了解集体经济项目进展。',
      people: { rosterIds: [roster + 1, roster + 4], others: ['村书记'] },
      department: true,
    },
  };
}
