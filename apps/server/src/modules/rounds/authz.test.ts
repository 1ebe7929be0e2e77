import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, everyone, only, type AuthzRoute } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound } from './testing.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  s = await createScenario(env, 'rdz');
});
afterAll(() => env.close());

// Side A sits: city_admin 上海市, district_admin and inspector 金山区, town_admin 朱泾镇,
// unit_admin and member 上海市农业农村委员会 (under 市级机关工委), village_admin 民主村.
const readers = only({
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  unit_admin: 200,
  village_admin: 200,
  inspector: 200,
});
const publicRoute = everyone(200);

async function quota(roundId: number) {
  const res = await env.app.inject({
    method: 'PUT',
    url: `/api/rounds/${roundId}/quotas`,
    headers: { cookie: s.actors.city_admin.cookie },
    payload: { orgId: s.a.district.id, towns: 1, villages: 2, weakVillages: 1 },
  });
  return res.json().quota.id as number;
}

const newRound = {
  name: '权限矩阵轮次',
  periodStart: '2026-03-01',
  periodEnd: '2029-07-31',
};
const needs = { items: [{ category: '产业发展', note: '冷库', amount: 200000 }] };
const resources = { items: [{ category: '技术', note: '农技专家' }] };

describe('authorization matrix of the round, quota and list routes', () => {
  it('answers every role of side A as the policy says', async () => {
    const city = s.actors.city_admin.cookie;
    const roundId = await openRound(env, city);
    const draftId = await openRound(env, city, {}, false);
    const quotaId = await quota(roundId);
    const village = s.a.village.id;
    const unit = s.a.unit.id;

    const routes: AuthzRoute[] = [
      { method: 'GET', url: '/api/rounds', expect: readers },
      { method: 'POST', url: '/api/rounds', body: newRound, expect: only({ city_admin: 201 }) },
      { method: 'GET', url: `/api/rounds/${roundId}`, expect: readers },
      {
        method: 'PATCH',
        url: `/api/rounds/${roundId}`,
        body: { name: '权限矩阵轮次（改）' },
        expect: only({ city_admin: 200 }),
      },
      {
        method: 'POST',
        url: `/api/rounds/${draftId}/transitions`,
        body: { to: 'intentions_open' },
        expect: only({ city_admin: 200 }),
      },
      {
        // The preview shows counts of every district's work: the city's, like the transition.
        method: 'GET',
        url: `/api/rounds/${roundId}/transition-preview?to=balancing`,
        expect: only({ city_admin: 200 }),
      },
      {
        method: 'GET',
        url: `/api/rounds/${roundId}/quotas`,
        expect: only({ city_admin: 200, district_admin: 200, inspector: 200 }),
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { orgId: s.a.district.id, towns: 2, villages: 3, weakVillages: 1 },
        expect: only({ city_admin: 200 }),
      },
      {
        method: 'GET',
        url: `/api/rounds/${roundId}/quotas/${quotaId}/letter.docx`,
        expect: only({ city_admin: 200, district_admin: 200, inspector: 200 }),
      },
      { method: 'GET', url: `/api/rounds/${roundId}/orgs/${village}/needs`, expect: readers },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/orgs/${village}/needs`,
        body: needs,
        expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, village_admin: 200 }),
      },
      { method: 'GET', url: `/api/rounds/${roundId}/orgs/${unit}/resources`, expect: readers },
      {
        // 金山区 is the village's district, not the unit's committee: outside its scope.
        method: 'PUT',
        url: `/api/rounds/${roundId}/orgs/${unit}/resources`,
        body: resources,
        expect: only({ city_admin: 200, district_admin: 404, unit_admin: 200 }),
      },
      { method: 'GET', url: `/api/rounds/${roundId}/targets`, expect: readers },
      { method: 'GET', url: `/api/public/rounds/${roundId}/directory/areas`, expect: publicRoute },
      { method: 'GET', url: '/api/public/rounds', expect: publicRoute },
      { method: 'GET', url: `/api/public/rounds/${roundId}/directory`, expect: publicRoute },
      {
        method: 'GET',
        url: `/api/public/rounds/${draftId + 1000000}/directory`,
        expect: everyone(404),
      },
    ];
    await checkAuthz(env, s, routes);
  });

  it('answers 404 for side A’s round, quota and lists to side B (members 403)', async () => {
    const city = s.actors.city_admin.cookie;
    const roundId = await openRound(env, city);
    const quotaId = await quota(roundId);
    const sideB = { ...s, actors: s.b.users };
    // 嘉兴市's city admin does not see a Shanghai round at all; side B's district, town and
    // village lie inside 上海市 and see the round, but not side A's organizations.
    await checkAuthz(env, sideB, [
      {
        method: 'GET',
        url: `/api/rounds/${roundId}`,
        expect: { ...readers, city_admin: 404 },
      },
      {
        method: 'PATCH',
        url: `/api/rounds/${roundId}`,
        body: { name: '越权修改' },
        expect: only({ city_admin: 404 }),
      },
      {
        method: 'POST',
        url: `/api/rounds/${roundId}/transitions`,
        body: { to: 'balancing' },
        expect: only({ city_admin: 404 }),
      },
      {
        method: 'GET',
        url: `/api/rounds/${roundId}/transition-preview?to=balancing`,
        expect: only({ city_admin: 404 }),
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { orgId: s.a.district.id, towns: 9, villages: 9, weakVillages: 9 },
        expect: only({ city_admin: 404 }),
      },
      {
        method: 'GET',
        url: `/api/rounds/${roundId}/quotas/${quotaId}/letter.docx`,
        expect: only({ city_admin: 404, district_admin: 404, inspector: 404 }),
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/orgs/${s.a.village.id}/needs`,
        body: needs,
        expect: only({ city_admin: 404, district_admin: 404, town_admin: 404, village_admin: 404 }),
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/orgs/${s.a.unit.id}/resources`,
        body: resources,
        expect: only({ city_admin: 404, district_admin: 404, unit_admin: 404 }),
      },
    ]);
  });
});
