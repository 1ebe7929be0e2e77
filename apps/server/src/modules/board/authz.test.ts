import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, everyone, only } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound } from '../rounds/testing.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  s = await createScenario(env, 'bdz');
});
afterAll(() => env.close());

const drillDown = only({ city_admin: 200, district_admin: 200, town_admin: 200, inspector: 200 });

describe('authorization matrix of the board routes', () => {
  it('serves the board to anyone and the drill-down to admins in scope', async () => {
    const roundId = await openRound(env, s.actors.city_admin.cookie);
    const draftId = await openRound(env, s.actors.city_admin.cookie, {}, false);
    await checkAuthz(env, s, [
      {
        method: 'GET',
        url: `/api/public/rounds/${roundId}/board`,
        expect: everyone(200),
      },
      {
        method: 'GET',
        url: `/api/public/rounds/${draftId}/board`,
        expect: everyone(404),
      },
      {
        method: 'GET',
        url: `/api/public/rounds/${draftId}/board/stream`,
        expect: everyone(404),
      },
      { method: 'GET', url: `/api/rounds/${roundId}/uncovered`, expect: drillDown },
    ]);
    // 嘉兴市's city admin does not see the Shanghai round.
    await checkAuthz(env, { ...s, actors: s.b.users }, [
      {
        method: 'GET',
        url: `/api/rounds/${roundId}/uncovered`,
        expect: { ...drillDown, city_admin: 404 },
      },
    ]);
  });
});
