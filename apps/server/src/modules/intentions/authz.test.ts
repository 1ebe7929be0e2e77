import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callers, checkAuthz, only, type Expectation } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound, submit } from '../rounds/testing.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  s = await createScenario(env, 'itz');
});
afterAll(() => env.close());

const readers = only({
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  unit_admin: 200,
  village_admin: 200,
  inspector: 200,
});

async function pending(roundId: number, cookie: string, ruralOrgId: number) {
  const res = await submit(env, cookie, roundId, { ruralOrgId });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().intention.id as number;
}

async function post(cookie: string, url: string, payload?: Record<string, unknown>) {
  const res = await env.app.inject({ method: 'POST', url, headers: { cookie }, payload });
  expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
  return res.json();
}

/** A previous round with side A's and side B's pairs accepted, and the round that renews them. */
async function renewalRounds() {
  const city = s.actors.city_admin.cookie;
  const previous = await openRound(env, city, { name: '上一轮' });
  const a = await pending(previous, s.a.users.unit_admin.cookie, s.a.village.id);
  await post(s.a.users.village_admin.cookie, `/api/intentions/${a}/accept`);
  const t = await pending(previous, s.a.users.unit_admin.cookie, s.a.town.id);
  await post(s.a.users.town_admin.cookie, `/api/intentions/${t}/accept`);
  const next = await openRound(env, city, { name: '续签轮', previousRoundId: previous });
  return { next, village: a, town: t };
}

describe('authorization matrix of the intention and renewal routes', () => {
  it('submits as the urban side only, with its idempotency key', async () => {
    const roundId = await openRound(env, s.actors.city_admin.cookie);
    const actual = {} as Expectation;
    for (const caller of callers) {
      const cookie = caller === 'anonymous' ? '' : s.actors[caller].cookie;
      // 金山区's district admin chooses for a unit that is not under it: 404.
      const body =
        caller === 'district_admin'
          ? { ruralOrgId: s.a.town.id, urbanOrgId: s.a.unit.id }
          : { ruralOrgId: s.a.village.id };
      actual[caller] = (await submit(env, cookie, roundId, body))
        .statusCode as Expectation[typeof caller];
    }
    expect(actual).toEqual(only({ district_admin: 404, unit_admin: 201 }));
  });

  it('answers every role of side A as the policy says', async () => {
    const roundId = await openRound(env, s.actors.city_admin.cookie);
    const unit = s.a.users.unit_admin.cookie;
    const accept = await pending(roundId, unit, s.a.village.id);
    const decline = await pending(roundId, unit, s.a.town.id);
    const withdraw = await pending(roundId, unit, s.b.village.id);
    const renewal = await renewalRounds();
    // The town confirms the town's renewal first, so there is a renewal row to decline.
    const started = await post(
      s.a.users.town_admin.cookie,
      `/api/rounds/${renewal.next}/renewals`,
      {
        previousIntentionId: renewal.town,
      },
    );

    await checkAuthz(env, s, [
      { method: 'GET', url: `/api/rounds/${roundId}/intentions`, expect: readers },
      { method: 'GET', url: `/api/rounds/${roundId}/intentions?state=pending`, expect: readers },
      { method: 'GET', url: `/api/rounds/${roundId}/intentions/incoming`, expect: readers },
      {
        // The town decides for its village; the village then finds it already decided.
        method: 'POST',
        url: `/api/intentions/${accept}/accept`,
        expect: only({ town_admin: 200, village_admin: 409 }),
      },
      {
        method: 'POST',
        url: `/api/intentions/${decline}/decline`,
        expect: only({ town_admin: 200, village_admin: 404 }),
      },
      {
        method: 'POST',
        url: `/api/intentions/${withdraw}/withdraw`,
        expect: only({ district_admin: 404, unit_admin: 200 }),
      },
      { method: 'GET', url: `/api/rounds/${renewal.next}/renewals`, expect: readers },
      {
        // Town confirms for the village, the unit completes it, the village finds it complete.
        method: 'POST',
        url: `/api/rounds/${renewal.next}/renewals`,
        body: { previousIntentionId: renewal.village },
        expect: only({ district_admin: 404, town_admin: 200, unit_admin: 200, village_admin: 200 }),
      },
      {
        // 民主村's admin is not the town's side; 金山区 is not the unit's side.
        method: 'POST',
        url: `/api/renewals/${started.renewal.id}/decline`,
        expect: only({ district_admin: 404, town_admin: 200, unit_admin: 200, village_admin: 404 }),
      },
    ]);
  });

  it('answers 404 to side B for side A’s intentions and renewals (members 403)', async () => {
    const roundId = await openRound(env, s.actors.city_admin.cookie);
    const unit = s.a.users.unit_admin.cookie;
    const one = await pending(roundId, unit, s.a.village.id);
    const renewal = await renewalRounds();
    const started = await post(
      s.a.users.town_admin.cookie,
      `/api/rounds/${renewal.next}/renewals`,
      {
        previousIntentionId: renewal.town,
      },
    );
    const sideB = { ...s, actors: s.b.users };
    const hidden = { town_admin: 404, village_admin: 404 } as const;
    await checkAuthz(env, sideB, [
      { method: 'POST', url: `/api/intentions/${one}/accept`, expect: only(hidden) },
      { method: 'POST', url: `/api/intentions/${one}/decline`, expect: only(hidden) },
      {
        method: 'POST',
        url: `/api/intentions/${one}/withdraw`,
        expect: only({ district_admin: 404, unit_admin: 404 }),
      },
      {
        method: 'POST',
        url: `/api/rounds/${renewal.next}/renewals`,
        body: { previousIntentionId: renewal.village },
        expect: only({ district_admin: 404, town_admin: 404, unit_admin: 404, village_admin: 404 }),
      },
      {
        method: 'POST',
        url: `/api/renewals/${started.renewal.id}/decline`,
        expect: only({ district_admin: 404, town_admin: 404, unit_admin: 404, village_admin: 404 }),
      },
    ]);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/intentions`,
      headers: { cookie: s.b.users.village_admin.cookie },
    });
    expect(list.json().items.map((i: { id: number }) => i.id)).not.toContain(one);
  });
});
