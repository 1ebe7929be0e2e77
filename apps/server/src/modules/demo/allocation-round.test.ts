import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { createUser } from '../../../test/fixtures.ts';
import { addOrg } from '../rounds/testing.ts';
import { createRun } from '../allocation/runs.ts';
import { seedDemoRound } from './allocation-round.ts';

let env: TestEnv;
let sc: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env, 'dm');
});
afterAll(() => env.close());

it('seeds nothing without the demo accounts', async () => {
  expect(await seedDemoRound(env)).toBeNull();
});

it('seeds a balancing round with voluntary intentions once, ready for allocation', async () => {
  const committee = await addOrg(env, {
    kind: 'working_committee',
    name: '市国资委党委',
    parentId: sc.shanghai.id,
  });
  for (let i = 0; i < 4; i++)
    await addOrg(env, {
      kind: 'urban_unit',
      name: `国资单位${i}`,
      parentId: committee.id,
      capacity: 2,
      yearlyBudget: 100_000,
    });
  const city = await createUser(env, {
    username: 'city_admin',
    role: 'city_admin',
    orgId: sc.shanghai.id,
  });
  await createUser(env, { username: 'sasac_admin', role: 'district_admin', orgId: committee.id });
  await createUser(env, { username: 'zhujing_admin', role: 'town_admin', orgId: sc.a.town.id });

  const round = (await seedDemoRound(env))!;
  expect(round.state).toBe('balancing');
  expect((await seedDemoRound(env))!.id).toBe(round.id);
  const { rows } = await env.dbh.query<{ state: string; n: number }>(
    'select state::text as state, count(*)::int as n from intentions where round_id = $1 group by state order by state',
    [round.id],
  );
  expect(rows).toEqual([
    { state: 'accepted', n: 2 },
    { state: 'lapsed', n: 2 },
  ]);
  const scope = {
    userId: city.id,
    username: 'city_admin',
    role: 'city_admin' as const,
    orgId: sc.shanghai.id,
    path: sc.shanghai.path,
  };
  const run = await createRun(env.dbh.db, scope, env.clock, round.id);
  const stats = run.stats as { targets: number; covered: number };
  expect(stats.targets).toBeGreaterThan(1000);
  expect(stats.covered).toBeGreaterThan(0);
});
