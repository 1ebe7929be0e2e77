import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuthz, only } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { toBalancing } from '../allocation/testing.ts';
import { addOrg, openRound, signedInUser, submit } from '../rounds/testing.ts';
import { createAllocatedIntention } from './commands/allocated.ts';

let env: TestEnv;
let s: Scenario;
let city: string;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  s = await createScenario(env, 'ial');
  city = s.actors.city_admin.cookie;
});
afterAll(() => env.close());

const cityScope = () => ({
  userId: s.actors.city_admin.id,
  username: s.actors.city_admin.username,
  role: 'city_admin' as const,
  orgId: s.shanghai.id,
  path: s.shanghai.path,
});

/** What publishing a run does for one pair: an allocated intention, in its own transaction. */
const allocate = (roundId: number, urbanOrgId: number, ruralOrgId: number) =>
  env.dbh.db.transaction((tx) =>
    createAllocatedIntention(tx, cityScope(), env.clock, { roundId, urbanOrgId, ruralOrgId }),
  );

async function balancing() {
  const roundId = await openRound(env, city);
  await toBalancing(env, city, roundId);
  return roundId;
}

const post = (cookie: string, url: string) =>
  env.app.inject({ method: 'POST', url: `/api${url}`, headers: { cookie } });

const row = async (id: number) =>
  (
    await env.dbh.query<{ state: string; source: string; agreements: number }>(
      `select state::text as "state", source::text as "source",
        (select count(*)::int from agreements a where a.intention_id = i.id) as "agreements"
      from intentions i where id = $1`,
      [id],
    )
  ).rows[0];

const taken = async (roundId: number) =>
  (
    await env.dbh.query<{ slots: number; loads: number }>(
      `select (select coalesce(sum(taken), 0)::int from round_slots where round_id = $1) as "slots",
        (select coalesce(sum(taken), 0)::int from round_unit_loads where round_id = $1) as "loads"`,
      [roundId],
    )
  ).rows[0];

describe('allocated intentions (issue 4: both sides confirm)', () => {
  it('takes a place at creation, audited, and is accepted only when both sides have confirmed', async () => {
    const roundId = await balancing();
    const { id } = await allocate(roundId, s.a.unit.id, s.a.village.id);
    expect(await row(id)).toEqual({ state: 'pending', source: 'allocation', agreements: 0 });
    expect(await taken(roundId)).toEqual({ slots: 1, loads: 1 });
    const audit = await env.dbh.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'intention.submitted' and entity_id = $1",
      [String(id)],
    );
    expect(audit.rows[0].n).toBe(1);

    // The unit confirms first: still pending, no agreement; confirming again changes nothing.
    const unit = await post(s.a.users.unit_admin.cookie, `/intentions/${id}/confirm`);
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json()).toMatchObject({ intention: { state: 'pending' }, agreementId: null });
    expect(unit.json().intention.urbanConfirmedAt).not.toBeNull();
    const again = await post(s.a.users.unit_admin.cookie, `/intentions/${id}/confirm`);
    expect(again.json()).toMatchObject({ intention: { state: 'pending' }, agreementId: null });
    expect(await row(id)).toMatchObject({ state: 'pending', agreements: 0 });

    // The village's yes completes it, during balancing, with the draft agreement.
    const village = await post(s.a.users.village_admin.cookie, `/intentions/${id}/accept`);
    expect(village.statusCode, village.body).toBe(200);
    expect(village.json().intention.state).toBe('accepted');
    expect(village.json().agreementId).toEqual(expect.any(Number));
    expect(await row(id)).toMatchObject({ state: 'accepted', agreements: 1 });
    expect((await post(s.a.users.unit_admin.cookie, `/intentions/${id}/confirm`)).statusCode).toBe(
      409,
    );
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/intentions`,
      headers: { cookie: s.a.users.village_admin.cookie },
    });
    expect(list.json().items.find((i: { id: number }) => i.id === id)).toMatchObject({
      source: 'allocation',
      state: 'accepted',
      urbanConfirmedAt: expect.any(String),
      ruralConfirmedAt: expect.any(String),
    });
  });

  it('accepts in the other order: the town for its village, then the working committee for its unit', async () => {
    const roundId = await balancing();
    const { id } = await allocate(roundId, s.a.unit.id, s.a.village.id);
    const town = await post(s.a.users.town_admin.cookie, `/intentions/${id}/accept`);
    expect(town.json()).toMatchObject({ intention: { state: 'pending' }, agreementId: null });
    const committee = await signedInUser(env, 'ial.committee', 'district_admin', s.committee.id);
    const unit = await post(committee.cookie, `/intentions/${id}/confirm`);
    expect(unit.statusCode, unit.body).toBe(200);
    expect(unit.json().intention.state).toBe('accepted');
    expect(await row(id)).toMatchObject({ state: 'accepted', agreements: 1 });
  });

  it('accepts exactly once when both sides confirm at the same moment', async () => {
    const roundId = await balancing();
    const { id } = await allocate(roundId, s.a.unit.id, s.a.village.id);
    const answers = await Promise.all([
      post(s.a.users.unit_admin.cookie, `/intentions/${id}/confirm`),
      post(s.a.users.village_admin.cookie, `/intentions/${id}/accept`),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200]);
    expect(answers.filter((a) => a.json().agreementId != null)).toHaveLength(1);
    expect(await row(id)).toMatchObject({ state: 'accepted', agreements: 1 });
  });

  it('either side may decline, which gives both places back', async () => {
    const roundId = await balancing();
    const byVillage = await allocate(roundId, s.a.unit.id, s.a.village.id);
    const byUnit = await allocate(roundId, s.a.unit.id, s.a.town.id);
    expect(await taken(roundId)).toEqual({ slots: 2, loads: 2 });
    await post(s.a.users.unit_admin.cookie, `/intentions/${byVillage.id}/confirm`);
    const declined = await post(
      s.a.users.village_admin.cookie,
      `/intentions/${byVillage.id}/decline`,
    );
    expect(declined.json().intention.state).toBe('declined');
    // The unit says no through its withdraw route; for a pair it never chose that is a decline.
    const refused = await post(s.a.users.unit_admin.cookie, `/intentions/${byUnit.id}/withdraw`);
    expect(refused.json().intention.state).toBe('declined');
    expect(await taken(roundId)).toEqual({ slots: 0, loads: 0 });
    expect(
      (await post(s.a.users.village_admin.cookie, `/intentions/${byVillage.id}/accept`)).json()
        .error.code,
    ).toBe('intention_not_pending');
    // The freed places can be allocated again.
    expect((await allocate(roundId, s.a.unit.id, s.a.village.id)).id).toBeGreaterThan(byUnit.id);
  });

  it('keeps voluntary intentions as they were: no unit confirmation, lapsed on entering balancing', async () => {
    const roundId = await openRound(env, city);
    const res = await submit(env, s.a.users.unit_admin.cookie, roundId, {
      ruralOrgId: s.a.village.id,
    });
    const id = res.json().intention.id as number;
    const confirm = await post(s.a.users.unit_admin.cookie, `/intentions/${id}/confirm`);
    expect(confirm.statusCode).toBe(409);
    expect(confirm.json().error.code).toBe('intention_not_allocated');
    await toBalancing(env, city, roundId);
    const accept = await post(s.a.users.village_admin.cookie, `/intentions/${id}/accept`);
    expect(accept.json().error.code).toBe('intention_not_pending');
    expect(await row(id)).toMatchObject({ state: 'lapsed', source: 'selection' });
  });

  it('is created only in balancing, within the village cap and unit capacity, for targets in scope', async () => {
    const open = await openRound(env, city);
    await expect(allocate(open, s.a.unit.id, s.a.village.id)).rejects.toMatchObject({
      code: 'round_not_balancing',
    });
    const roundId = await balancing();
    const small = await addOrg(env, {
      kind: 'urban_unit',
      name: '分配确认测试单位',
      parentId: s.central.id,
      capacity: 1,
    });
    await allocate(roundId, small.id, s.a.town.id);
    await expect(allocate(roundId, small.id, s.a.village.id)).rejects.toMatchObject({
      code: 'unit_capacity',
    });
    await allocate(roundId, s.a.unit.id, s.a.village.id);
    await expect(allocate(roundId, s.a.unit.id, s.a.village.id)).rejects.toMatchObject({
      code: 'duplicate_intention',
    });
    // The town's second place, then the cap (2 per village) refuses a third unit.
    await allocate(roundId, s.a.unit.id, s.a.town.id);
    await expect(allocate(roundId, s.b.unit.id, s.a.town.id)).rejects.toMatchObject({
      code: 'village_full',
    });
    // Not a rural target (a unit; a village under a central district, R-COVERAGE), not a unit: 404.
    const central = await addOrg(env, {
      kind: 'village',
      name: '中心城区村',
      parentId: s.central.id,
    });
    for (const [urban, rural] of [
      [s.a.unit.id, s.b.unit.id],
      [s.a.unit.id, central.id],
      [s.a.village.id, s.a.village.id],
    ])
      await expect(allocate(roundId, urban, rural)).rejects.toMatchObject({ status: 404 });
    // Nothing of the refused calls stayed: 3 intentions, 3 village places, 3 unit places.
    expect(await taken(roundId)).toEqual({ slots: 3, loads: 3 });
  });

  it('answers 422 to bad ids and 404 to unknown ones on the confirm route, changing nothing', async () => {
    const unit = s.a.users.unit_admin.cookie;
    for (const bad of ['x', '0', '-1', '1.5'])
      expect((await post(unit, `/intentions/${bad}/confirm`)).statusCode).toBe(422);
    expect((await post(unit, '/intentions/99999999/confirm')).statusCode).toBe(404);
  });
});

describe('authorization of the unit side confirmation', () => {
  it('lets the unit (or its working committee) confirm; others 403, other sides 404', async () => {
    const roundId = await balancing();
    const { id } = await allocate(roundId, s.a.unit.id, s.a.village.id);
    // Side A's district admin sits in 金山区, not over the unit: 404.
    await checkAuthz(env, s, [
      {
        method: 'POST',
        url: `/api/intentions/${id}/confirm`,
        expect: only({ unit_admin: 200, district_admin: 404 }),
      },
    ]);
    const other = await allocate(roundId, s.a.unit.id, s.a.town.id);
    await checkAuthz(env, { ...s, actors: s.b.users }, [
      {
        method: 'POST',
        url: `/api/intentions/${other.id}/confirm`,
        expect: only({ unit_admin: 404, district_admin: 404 }),
      },
    ]);
    expect(await row(other.id)).toMatchObject({ state: 'pending' });
  });
});
