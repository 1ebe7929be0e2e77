import type { ComplianceView, RollupRow } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuthz, only } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { storedStatus } from './compliance/read.ts';
import { recomputeAll } from './compliance/recompute.ts';
import { insertRecords } from './compliance/test-support.ts';
import { rosterOf, signedPairing } from './test-support.ts';

let env: TestEnv;
let s: Scenario;
/** Each pairing's stored answer with the groups it belongs to. */
const pairings: { status: ComplianceView; district: number; town: number; committee: number }[] =
  [];

const AT = '2026-03-01';

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'lrol');
  const fixtures = [
    { side: 'a' as const, pack: 'sh-2010' },
    { side: 'a' as const, pack: 'ah-2011' },
    { side: 'b' as const, pack: 'sh-2010' },
  ];
  const ids: number[] = [];
  for (const f of fixtures) {
    const p = await signedPairing(env, s, { side: f.side, packId: f.pack, weak: f.side === 'a' });
    ids.push(p.id);
    const [principal, , lead] = await rosterOf(env, p.id);
    await insertRecords(env, p.id, s.a.users.unit_admin.id, [
      {
        type: 'visit',
        date: '2025-08-01',
        countsFrom: '2025-08-02',
        rosterIds: [principal, lead],
        department: true,
      },
      {
        type: 'visit',
        date: '2025-11-01',
        countsFrom: '2025-11-02',
        rosterIds: [lead],
        department: true,
      },
      { type: 'activity', date: '2025-09-01', countsFrom: '2025-09-02', category: 'joint_meeting' },
      { type: 'fund', date: '2025-10-01', countsFrom: '2025-10-02', amount: 5_000 },
    ]);
  }
  await recomputeAll(env.dbh.db, AT);
  for (const [i, f] of fixtures.entries()) {
    const side = s[f.side];
    pairings.push({
      status: (await storedStatus(env.dbh.db, ids[i]))!,
      district: side.district.id,
      town: side.town.id,
      committee: side.urbanParent.id,
    });
  }
});
afterAll(() => env.close());

type Group = 'district' | 'town' | 'committee';

/** What the roll-up should answer, counted from the stored answers themselves. */
function expected(by: Group, groups: number[], rule?: string) {
  const rows = new Map<string, Omit<RollupRow, 'group'> & { groupId: number }>();
  for (const p of pairings) {
    const groupId = p[by];
    if (!groups.includes(groupId)) continue;
    for (const r of p.status.rules) {
      if (rule && r.rule !== rule) continue;
      const key = `${groupId} ${r.rule}`;
      const zero = () => ({ met: 0, due: 0, due_soon: 0, missed: 0, late: 0 });
      const row = rows.get(key) ?? {
        groupId,
        rule: r.rule,
        pairs: zero(),
        periods: zero(),
        pairings: 0,
      };
      row.pairings++;
      const seen = new Set<string>();
      for (const period of r.periods) {
        row.periods[period.status]++;
        if (!seen.has(period.status)) row.pairs[period.status]++;
        seen.add(period.status);
      }
      rows.set(key, row);
    }
  }
  return [...rows.values()];
}

async function rollupOf(cookie: string, query: string) {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/compliance/rollup?${query}`,
    headers: { cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json() as { at: string; rows: RollupRow[] };
  expect(body.at).toBe(AT);
  return body.rows.map(({ group, ...row }) => ({ groupId: group.id, ...row }));
}

const sorted = <T extends { groupId: number; rule: string }>(rows: T[]) =>
  [...rows].sort((a, b) => a.groupId - b.groupId || a.rule.localeCompare(b.rule));

describe('compliance roll-ups', () => {
  it('counts pairs and periods per district, town and committee for the city', async () => {
    const city = s.actors.city_admin.cookie;
    for (const [by, groups] of [
      ['district', [s.a.district.id, s.b.district.id]],
      ['town', [s.a.town.id, s.b.town.id]],
      ['committee', [s.a.urbanParent.id, s.b.urbanParent.id]],
    ] as const) {
      const rows = await rollupOf(city, `by=${by}`);
      expect(sorted(rows)).toEqual(sorted(expected(by, [...groups])));
      expect(rows.length).toBeGreaterThan(0);
    }
    const lead = await rollupOf(city, 'by=district&rule=R-VISIT-LEAD');
    expect(sorted(lead)).toEqual(
      sorted(expected('district', [s.a.district.id, s.b.district.id], 'R-VISIT-LEAD')),
    );
    expect(lead.every((r) => r.rule === 'R-VISIT-LEAD')).toBe(true);
  });

  it('answers only groups inside the caller’s scope, and inside `within`', async () => {
    const district = s.a.users.district_admin.cookie;
    expect(sorted(await rollupOf(district, 'by=district'))).toEqual(
      sorted(expected('district', [s.a.district.id])),
    );
    expect(sorted(await rollupOf(district, 'by=town'))).toEqual(
      sorted(expected('town', [s.a.town.id])),
    );
    // The working committee above side A's unit is not inside 金山区.
    expect(await rollupOf(district, 'by=committee')).toEqual([]);
    expect(await rollupOf(s.a.users.town_admin.cookie, 'by=district')).toEqual([]);
    expect(
      sorted(await rollupOf(s.actors.city_admin.cookie, `by=town&within=${s.b.district.id}`)),
    ).toEqual(sorted(expected('town', [s.b.town.id])));
  });

  it('authorizes the admins and inspectors above the pairs; `within` outside the scope is 404', async () => {
    await checkAuthz(env, s, [
      {
        method: 'GET',
        url: '/api/compliance/rollup?by=district',
        expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, inspector: 200 }),
      },
      {
        method: 'GET',
        url: `/api/compliance/rollup?by=town&within=${s.a.town.id}`,
        expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, inspector: 200 }),
      },
      {
        method: 'GET',
        url: `/api/compliance/rollup?by=town&within=${s.b.district.id}`,
        expect: only({ city_admin: 200, district_admin: 404, town_admin: 404, inspector: 404 }),
      },
      {
        method: 'GET',
        url: `/api/compliance/rollup?by=committee&within=${s.b.city.id}`,
        expect: only({ city_admin: 404, district_admin: 404, town_admin: 404, inspector: 404 }),
      },
    ]);
  });

  it('refuses an unknown grouping or rule id', async () => {
    for (const query of ['by=province', 'by=town&rule=visit', 'by=town&within=abc']) {
      const res = await env.app.inject({
        method: 'GET',
        url: `/api/compliance/rollup?${query}`,
        headers: { cookie: s.actors.city_admin.cookie },
      });
      expect(res.statusCode, query).toBe(422);
    }
  });
});
