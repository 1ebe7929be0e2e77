import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { login } from '../../../test/fixtures.ts';
import { demoPassword, seedDemoIfEmpty, type DemoAccount } from './seed.ts';

let env: TestEnv;
let accounts: DemoAccount[];
const lines: string[] = [];

beforeAll(async () => {
  env = await createTestEnv();
  // The template holds Shanghai already; the demo seeds only an empty directory.
  expect((await seedDemoIfEmpty(env, () => {})).accounts).toEqual([]);
  await env.dbh.query(`DELETE FROM district_pairs`);
  await env.dbh.query(`TRUNCATE orgs CASCADE`);
  accounts = (await seedDemoIfEmpty(env, (l) => lines.push(l))).accounts;
}, 120_000);
afterAll(() => env.close());

const one = async <T>(text: string) => (await env.dbh.query<T>(text)).rows[0];

describe('demo city', () => {
  it('has Shanghai, about 2,000 varied units and about 10% weak suburban villages', async () => {
    const units = await one<{ n: number; types: number; parents: number; names: number }>(
      `select count(*)::int as n, count(distinct unit_type)::int as types,
              count(distinct parent_id)::int as parents, count(distinct name)::int as names
       from orgs where kind = 'urban_unit'`,
    );
    expect(units.n).toBeGreaterThan(1800);
    expect(units.n).toBeLessThan(2300);
    expect(units.types).toBe(9);
    expect(units.parents).toBeGreaterThanOrEqual(17);
    const bad = await one<{ n: number }>(
      `select count(*)::int as n from orgs where kind = 'urban_unit' and (capacity not between 1 and 3
         or yearly_budget not between 20000 and 500000 or contact_phone !~ '^1[3-9][0-9]{9}$'
         or path not like '%/' || id || '/' or cardinality(resource_tags) = 0)`,
    );
    expect(bad.n).toBe(0);
    const weak = await one<{ weak: number; all: number }>(
      `select count(*) filter (where weak_village)::int as weak, count(*)::int as all
       from orgs where kind = 'village'`,
    );
    expect(weak.weak / weak.all).toBeGreaterThan(0.07);
    expect(weak.weak / weak.all).toBeLessThan(0.13);
    expect((await one<{ n: number }>(`select count(*)::int as n from district_pairs`)).n).toBe(9);
    expect(lines.at(-1)).toMatch(/演示数据已创建/);
  });

  it('creates one account per role that signs in with the demo password', async () => {
    expect(accounts.map((a) => a.role).sort()).toEqual(
      [
        'city_admin',
        'district_admin',
        'district_admin',
        'inspector',
        'member',
        'town_admin',
        'unit_admin',
        'village_admin',
      ].sort(),
    );
    for (const a of accounts) {
      expect(a.password).toBe(demoPassword);
      await login(env, a.username, demoPassword);
    }
    const village = accounts.find((a) => a.role === 'village_admin')!;
    const cookie = await login(env, village.username, demoPassword);
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.mustChangePassword).toBe(false);
  });

  it('opens one round for intentions and one in balancing, so every flow can be tried at once', async () => {
    const states = await env.dbh.query<{ state: string }>(
      `select state::text as state from rounds order by 1`,
    );
    expect(states.rows.map((r) => r.state)).toEqual(['balancing', 'intentions_open']);
  });

  it('does nothing on the next start', async () => {
    const before = await one<{ n: number }>(`select count(*)::int as n from orgs`);
    expect((await seedDemoIfEmpty(env, () => {})).accounts).toEqual([]);
    expect(await one<{ n: number }>(`select count(*)::int as n from orgs`)).toEqual(before);
  });
});
