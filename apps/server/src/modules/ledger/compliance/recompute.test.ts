import { evaluate } from '@pairing/policy';
import type { RosterRole } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../../test/scenario.ts';
import { queryRows } from '../../../lib/rows.ts';
import { rosterOf, signedPairing } from '../test-support.ts';
import { LEASE_MS, dailyComplianceJob, runDailyCompliance } from './daily.ts';
import { storedStatus } from './read.ts';
import { recomputeAll } from './recompute.ts';
import { expectedLedger, insertRecords, type RecordSpec } from './test-support.ts';

let env: TestEnv;
let s: Scenario;

type Fixture = {
  id: number;
  pairing: { pack: string; termStart: string; termEnd: string; weakVillage: boolean };
  roster: { id: number; role: RosterRole; from: string }[];
  records: (RecordSpec & { id: number })[];
};
const fixtures: Fixture[] = [];

const roster = [
  { name: '王建国', post: '主任', role: 'principal' as const, from: '2025-07-01' },
  { name: '李明', post: '副主任', role: 'team' as const, from: '2025-07-01' },
  { name: '张华', post: '分管副主任', role: 'lead' as const, from: '2025-07-01' },
  // Takes office later: not one of the people before 2026-02-01.
  { name: '陈立', post: '分管副主任', role: 'lead' as const, from: '2026-02-01' },
];

/** A pairing with a roster and records of every type and counting state. */
async function pairingWithRecords(pack: string, side: 'a' | 'b', weak: boolean) {
  const p = await signedPairing(env, s, { side, packId: pack, weak });
  const ids = await rosterOf(env, p.id, roster);
  const [principal, team, lead, lateLead] = ids;
  const specs: RecordSpec[] = [
    {
      type: 'visit',
      date: '2025-09-10',
      countsFrom: '2025-09-12',
      rosterIds: [principal, lead],
      department: true,
    },
    {
      type: 'visit',
      date: '2026-01-20',
      countsFrom: '2026-02-03',
      rosterIds: [team, lateLead],
      department: false,
    },
    {
      type: 'visit',
      date: '2026-02-10',
      countsFrom: '2026-02-24',
      state: 'pending',
      rosterIds: [lateLead],
    },
    {
      type: 'visit',
      date: '2025-11-02',
      countsFrom: null,
      rosterIds: [principal],
      department: true,
    },
    { type: 'activity', date: '2025-10-01', countsFrom: '2025-10-03', category: 'joint_meeting' },
    { type: 'activity', date: '2025-12-01', countsFrom: '2025-12-15', category: 'party_lesson' },
    { type: 'activity', date: '2026-01-05', countsFrom: '2026-01-06', category: 'other' },
    { type: 'activity', date: '2026-02-01', countsFrom: '2026-02-03', category: 'symposium' },
    { type: 'fund', date: '2025-08-08', countsFrom: '2025-08-09', amount: 15_000 },
    { type: 'fund', date: '2026-01-15', countsFrom: '2026-01-29', amount: 8_000 },
    { type: 'report', date: '2025-10-08', countsFrom: '2025-10-09', period: '2025Q3' },
    { type: 'report', date: '2026-01-25', countsFrom: '2026-01-26', period: '2025Q4' },
    { type: 'progress', date: '2026-01-10', countsFrom: '2026-01-11' },
  ];
  const recordIds = await insertRecords(env, p.id, s.a.users.unit_admin.id, specs);
  fixtures.push({
    id: p.id,
    pairing: { pack, termStart: '2025-07-01', termEnd: '2028-06-30', weakVillage: weak },
    roster: roster.map((r, i) => ({ id: ids[i], role: r.role, from: r.from })),
    records: specs.map((r, i) => ({ ...r, id: recordIds[i] })),
  });
}

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'lcmp');
  await pairingWithRecords('sh-2010', 'a', true);
  await pairingWithRecords('ah-2011', 'b', false);
  await pairingWithRecords('town-2010', 'a', true);
  await pairingWithRecords('sh-2010', 'b', false);
  await pairingWithRecords('town-2010', 'b', false);
});
afterAll(() => env.close());

const stored = (id: number) => storedStatus(env.dbh.db, id);

const runsOf = (day: string) =>
  queryRows<{ claimedBy: string; finished: boolean; pairings: number }>(
    env.dbh.db,
    sql`select claimed_by as "claimedBy", finished_at is not null as finished, pairings
      from compliance_runs where day = ${day}`,
  );

describe('recomputeAll', () => {
  it('stores for every pairing what evaluate() answers for its ledger, in batches', async () => {
    for (const at of ['2025-12-31', '2026-02-10', '2026-03-01']) {
      const progress: number[] = [];
      const result = await recomputeAll(env.dbh.db, at, {
        batchSize: 2,
        onProgress: (p) => void progress.push(p.done),
      });
      expect(result).toMatchObject({ done: fixtures.length, total: fixtures.length, failed: 0 });
      expect(progress).toEqual([2, 4, 5]);
      for (const f of fixtures) {
        const expected = evaluate(expectedLedger(f.pairing, f.roster, f.records, at), at);
        expect(await stored(f.id)).toEqual(expected);
      }
    }
  });

  it('keeps the periods per rule and status and the duties beside the answer', async () => {
    await recomputeAll(env.dbh.db, '2026-03-01');
    for (const f of fixtures) {
      const status = (await stored(f.id))!;
      const counts: Record<string, number> = {};
      for (const rule of status.rules)
        for (const p of rule.periods) {
          const key = `${rule.rule} ${p.status}`;
          counts[key] = (counts[key] ?? 0) + 1;
        }
      const rows = await queryRows<{ rule: string; status: string; periods: number }>(
        env.dbh.db,
        sql`select rule, status::text, periods from pairing_rule_status where pairing_id = ${f.id}`,
      );
      expect(Object.fromEntries(rows.map((r) => [`${r.rule} ${r.status}`, r.periods]))).toEqual(
        counts,
      );
      const open = status.rules.flatMap((r) =>
        r.periods.filter((p) => p.status === 'due' || p.status === 'due_soon').map(() => r.rule),
      );
      const duties = await queryRows<{ rule: string }>(
        env.dbh.db,
        sql`select rule from pairing_duties where pairing_id = ${f.id} and not missed`,
      );
      expect(duties.map((d) => d.rule).sort()).toEqual(open.sort());
    }
  });

  it('moves only the day of an answer that did not change, and rewrites one that did', async () => {
    const first = await recomputeAll(env.dbh.db, '2026-03-02');
    expect(first.changed + first.moved).toBe(fixtures.length);
    const again = await recomputeAll(env.dbh.db, '2026-03-02');
    expect(again).toMatchObject({ changed: 0, moved: 0 });
    const [f] = fixtures;
    const [extra] = await insertRecords(env, f.id, s.a.users.unit_admin.id, [
      {
        type: 'visit',
        date: '2026-03-01',
        countsFrom: '2026-03-01',
        rosterIds: [f.roster[2].id],
        department: true,
      },
    ]);
    f.records.push({
      type: 'visit',
      date: '2026-03-01',
      countsFrom: '2026-03-01',
      rosterIds: [f.roster[2].id],
      department: true,
      id: extra,
    });
    const next = await recomputeAll(env.dbh.db, '2026-03-03');
    expect(next).toMatchObject({ changed: 1, moved: fixtures.length - 1 });
    for (const g of fixtures) {
      expect(await stored(g.id)).toEqual(
        evaluate(expectedLedger(g.pairing, g.roster, g.records, '2026-03-03'), '2026-03-03'),
      );
    }
  });
});

describe('the daily run', () => {
  it('runs once a day between processes, and another takes over a lapsed claim', async () => {
    env.clock.set('2026-03-10T00:05:00+08:00');
    expect(await runDailyCompliance(env, { worker: 'one' })).toMatchObject({
      day: '2026-03-10',
      state: 'ran',
    });
    expect(await runDailyCompliance(env, { worker: 'two' })).toEqual({
      day: '2026-03-10',
      state: 'finished',
    });
    expect(await runsOf('2026-03-10')).toEqual([
      { claimedBy: 'one', finished: true, pairings: fixtures.length },
    ]);

    // A process that claimed the next day and stopped: busy until its lease lapses.
    env.clock.set('2026-03-11T00:01:00+08:00');
    await env.dbh.db.execute(sql`insert into compliance_runs (day, claimed_by, claimed_at)
      values ('2026-03-11', 'gone', ${env.clock.now().toISOString()})`);
    expect((await runDailyCompliance(env, { worker: 'two' })).state).toBe('busy');
    env.clock.advance(LEASE_MS + 1000);
    expect((await runDailyCompliance(env, { worker: 'two' })).state).toBe('ran');
    expect(await runsOf('2026-03-11')).toEqual([
      { claimedBy: 'two', finished: true, pairings: fixtures.length },
    ]);
    for (const f of fixtures) expect((await stored(f.id))?.at).toBe('2026-03-11');
  });

  it('recomputes on a tick and again on the first tick of a new China-time day', async () => {
    env.clock.set('2026-03-20T23:58:00+08:00');
    const errors: unknown[] = [];
    const lines: string[] = [];
    const job = dailyComplianceJob(
      (err) => void errors.push(err),
      (line) => void lines.push(line),
    );
    await job.run(env);
    expect((await runsOf('2026-03-20'))[0]?.finished).toBe(true);
    // The next tick of the same day has nothing to do.
    await job.run(env);
    expect(lines).toHaveLength(1);
    // 16:00 UTC is midnight in China: a new day for the ledger.
    env.clock.set('2026-03-20T16:00:30Z');
    await job.run(env);
    expect((await runsOf('2026-03-21'))[0]?.finished).toBe(true);
    for (const f of fixtures) expect((await stored(f.id))?.at).toBe('2026-03-21');
    expect(errors).toEqual([]);
  });
});
