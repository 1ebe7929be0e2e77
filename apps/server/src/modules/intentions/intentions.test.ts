import { decidedIntention, intentionRecord, intentionView } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { addOrg, openRound, signedInUser, submit } from '../rounds/testing.ts';

let env: TestEnv;
let sc: Scenario;
let city: string;
let seq = 0;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
  city = sc.actors.city_admin.cookie;
});
afterAll(() => env.close());

/** A fresh village under 朱泾镇 and `n` units under 市级机关工委, each with a signed-in unit admin. */
async function setup(n: number, capacity = 3) {
  const village = await addOrg(env, {
    kind: 'village',
    name: `测试村${++seq}`,
    code: `310116101${300 + seq}`,
    parentId: sc.a.town.id,
    weakVillage: true,
  });
  const units = [];
  for (let i = 0; i < n; i++) {
    const unit = await addOrg(env, {
      kind: 'urban_unit',
      name: `测试单位${seq}-${i}`,
      parentId: sc.committee.id,
      capacity,
    });
    units.push(await signedInUser(env, `u${seq}.${i}`, 'unit_admin', unit.id));
  }
  const villageAdmin = await signedInUser(env, `v${seq}`, 'village_admin', village.id);
  return { village, units, villageAdmin };
}

const count = async (sql: string, params: unknown[]) =>
  (await env.dbh.query<{ n: number }>(sql, params)).rows[0].n;

const act = (cookie: string, id: number, action: string) =>
  env.app.inject({ method: 'POST', url: `/api/intentions/${id}/${action}`, headers: { cookie } });

describe('the race for a village (R-COVERAGE, DESIGN.md "Data safety")', () => {
  it('lets exactly 2 of 50 concurrent units take a village with 2 places; the rest get a clear 409', async () => {
    const roundId = await openRound(env, city, { villageCap: 2 });
    const { village, units, villageAdmin } = await setup(50);
    const answers = await Promise.all(
      units.map((u) => submit(env, u.cookie, roundId, { ruralOrgId: village.id })),
    );
    const ok = answers.filter((r) => r.statusCode === 201);
    const refused = answers.filter((r) => r.statusCode !== 201);
    expect(ok).toHaveLength(2);
    expect(refused).toHaveLength(48);
    for (const r of refused) {
      expect(r.statusCode).toBe(409);
      expect(r.json().error).toMatchObject({
        code: 'village_full',
        message: expect.stringContaining('名额已满'),
      });
    }
    expect(
      await count('select count(*)::int as n from intentions where rural_org_id = $1', [
        village.id,
      ]),
    ).toBe(2);
    expect(
      await count('select taken as n from round_slots where round_id = $1 and rural_org_id = $2', [
        roundId,
        village.id,
      ]),
    ).toBe(2);
    for (const r of ok)
      expect((await act(villageAdmin.cookie, r.json().intention.id, 'accept')).statusCode).toBe(
        200,
      );
    expect(
      await count(
        `select count(*)::int as n from intentions where rural_org_id = $1 and state = 'accepted'`,
        [village.id],
      ),
    ).toBe(2);
    expect(
      await count(
        `select count(*)::int as n from audit_log where action = 'intention.submitted' and scope_path = $1`,
        [village.path],
      ),
    ).toBe(2);
  });

  it('takes each unit once even when the same unit fires 10 identical requests at once', async () => {
    const roundId = await openRound(env, city, { villageCap: 5 });
    const { village, units } = await setup(1);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        submit(env, units[0].cookie, roundId, { ruralOrgId: village.id }),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(
      answers
        .filter((r) => r.statusCode === 409)
        .every((r) => r.json().error.code === 'duplicate_intention'),
    ).toBe(true);
    expect(
      await count('select taken as n from round_slots where round_id = $1 and rural_org_id = $2', [
        roundId,
        village.id,
      ]),
    ).toBe(1);
    expect(
      await count(
        'select taken as n from round_unit_loads where round_id = $1 and urban_org_id = $2',
        [roundId, units[0].orgId],
      ),
    ).toBe(1);
  });
});

describe('capacity, cap, deadlines and decisions', () => {
  it("enforces the unit's capacity and gives the place back on withdrawal", async () => {
    const roundId = await openRound(env, city);
    const a = await setup(1, 1);
    const b = await setup(0);
    const first = await submit(env, a.units[0].cookie, roundId, { ruralOrgId: a.village.id });
    expect(first.statusCode).toBe(201);
    const second = await submit(env, a.units[0].cookie, roundId, { ruralOrgId: b.village.id });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'unit_capacity',
      message: expect.stringContaining('已达上限（1 个）'),
    });
    expect((await act(a.units[0].cookie, first.json().intention.id, 'withdraw')).statusCode).toBe(
      200,
    );
    expect(
      (await submit(env, a.units[0].cookie, roundId, { ruralOrgId: b.village.id })).statusCode,
    ).toBe(201);
    // A withdrawn intention cannot be accepted or withdrawn again.
    expect((await act(a.villageAdmin.cookie, first.json().intention.id, 'accept')).statusCode).toBe(
      409,
    );
    expect((await act(a.units[0].cookie, first.json().intention.id, 'withdraw')).statusCode).toBe(
      409,
    );
  });

  it('frees the place when the village declines, and refuses to withdraw after acceptance', async () => {
    const roundId = await openRound(env, city, { villageCap: 1 });
    const { village, units, villageAdmin } = await setup(2);
    const first = await submit(env, units[0].cookie, roundId, { ruralOrgId: village.id });
    const full = await submit(env, units[1].cookie, roundId, { ruralOrgId: village.id });
    expect(full.json().error.code).toBe('village_full');
    expect(
      (await act(villageAdmin.cookie, first.json().intention.id, 'decline')).json().intention.state,
    ).toBe('declined');
    const second = await submit(env, units[1].cookie, roundId, { ruralOrgId: village.id });
    expect(second.statusCode).toBe(201);
    expect((await act(villageAdmin.cookie, second.json().intention.id, 'accept')).statusCode).toBe(
      200,
    );
    expect(
      (await act(units[1].cookie, second.json().intention.id, 'withdraw')).json().error.code,
    ).toBe('intention_not_pending');
    // The unit cannot accept for the village; another village's admin does not see it.
    expect((await act(units[1].cookie, second.json().intention.id, 'accept')).statusCode).toBe(403);
    expect(
      (await act(sc.actors.village_admin.cookie, second.json().intention.id, 'decline')).statusCode,
    ).toBe(404);
  });

  it('closes submissions and acceptance at the end of the deadline day, China time (R-DEADLINE-INTENT)', async () => {
    const roundId = await openRound(env, city);
    // Sessions idle out when the clock jumps, so these users sign in at the new time.
    env.clock.set('2026-04-30T23:59:00+08:00');
    const { village, units, villageAdmin } = await setup(2);
    const onTime = await submit(env, units[0].cookie, roundId, { ruralOrgId: village.id });
    expect(onTime.statusCode).toBe(201);
    env.clock.set('2026-05-01T00:00:00+08:00');
    const late = await submit(env, units[1].cookie, roundId, { ruralOrgId: village.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({
      code: 'deadline_passed',
      message: '意向确认截止日期（2026-04-30）已过',
    });
    expect(
      (await act(villageAdmin.cookie, onTime.json().intention.id, 'accept')).json().error.code,
    ).toBe('deadline_passed');
    env.clock.set('2026-03-01T09:00:00+08:00');
  });

  it('refuses submissions while the round is a draft or past the intention phase', async () => {
    const draft = await openRound(env, city, {}, false);
    const { village, units } = await setup(1);
    const res = await submit(env, units[0].cookie, draft, { ruralOrgId: village.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('round_not_open');
  });

  it('lets a working committee choose for its own units only (相对集中)', async () => {
    const roundId = await openRound(env, city);
    const { village, units } = await setup(1);
    const committee = await signedInUser(env, `wc${seq}`, 'district_admin', sc.committee.id);
    const res = await submit(env, committee.cookie, roundId, {
      ruralOrgId: village.id,
      urbanOrgId: units[0].orgId,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().intention.urbanOrgId).toBe(units[0].orgId);
    const foreign = await submit(env, committee.cookie, roundId, {
      ruralOrgId: village.id,
      urbanOrgId: sc.b.unit.id,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('idempotency', () => {
  it('replays the first answer for a repeated key and refuses the key for another request', async () => {
    const roundId = await openRound(env, city, { villageCap: 1 });
    const { village, units } = await setup(2);
    const key = `replay-${seq}-abcdef`;
    const first = await submit(env, units[0].cookie, roundId, { ruralOrgId: village.id }, key);
    const again = await submit(env, units[0].cookie, roundId, { ruralOrgId: village.id }, key);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    // The first answer and its replay are the contract's record, the time an ISO string.
    const { intention } = first.json();
    expect(Object.keys(intention).sort()).toEqual(Object.keys(intentionRecord.shape).sort());
    expect(new Date(intention.submittedAt).toISOString()).toBe(intention.submittedAt);
    expect(
      await count('select count(*)::int as n from intentions where rural_org_id = $1', [
        village.id,
      ]),
    ).toBe(1);
    const other = await submit(env, units[0].cookie, roundId, { ruralOrgId: sc.a.village.id }, key);
    expect(other.statusCode).toBe(422);

    // A refusal is an answer too: its replay stays a refusal after the place frees up.
    const refusedKey = `refused-${seq}-abcdef`;
    const refused = await submit(
      env,
      units[1].cookie,
      roundId,
      { ruralOrgId: village.id },
      refusedKey,
    );
    expect(refused.json().error.code).toBe('village_full');
    await act(units[0].cookie, first.json().intention.id, 'withdraw');
    const replay = await submit(
      env,
      units[1].cookie,
      roundId,
      { ruralOrgId: village.id },
      refusedKey,
    );
    expect(replay.statusCode).toBe(409);
    expect(replay.headers['idempotency-replayed']).toBe('true');
    expect(refused.headers['idempotency-replayed']).toBeUndefined();
    expect(replay.json()).toEqual(refused.json());
  });

  it('answers concurrent requests with the same key once', async () => {
    const roundId = await openRound(env, city);
    const { village, units } = await setup(1);
    const key = `concurrent-${seq}-abcdef`;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        submit(env, units[0].cookie, roundId, { ruralOrgId: village.id }, key),
      ),
    );
    expect(answers.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((r) => r.json().intention.id)).size).toBe(1);
  });

  it('requires a well-formed key and a valid body (422, nothing written)', async () => {
    const roundId = await openRound(env, city);
    const { village, units } = await setup(1);
    const noKey = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${roundId}/intentions`,
      headers: { cookie: units[0].cookie },
      payload: { ruralOrgId: village.id },
    });
    expect(noKey.statusCode).toBe(422);
    expect(noKey.json().error.fields).toHaveProperty('Idempotency-Key');
    for (const body of [
      {},
      { ruralOrgId: 'abc' },
      { ruralOrgId: -3 },
      { ruralOrgId: village.id, urbanOrgId: 0 },
    ]) {
      const res = await submit(env, units[0].cookie, roundId, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(
      await count('select count(*)::int as n from intentions where round_id = $1', [roundId]),
    ).toBe(0);
  });
});

describe('abilities', () => {
  it('tells each side what it may do to a listed intention, and nothing once decided', async () => {
    const roundId = await openRound(env, city);
    const sent = await submit(env, sc.b.users.unit_admin.cookie, roundId, {
      ruralOrgId: sc.b.village.id,
    });
    const abilitiesOf = async (cookie: string) =>
      (
        await env.app.inject({
          method: 'GET',
          url: `/api/rounds/${roundId}/intentions`,
          headers: { cookie },
        })
      ).json().items[0].abilities;
    const none = { accept: false, decline: false, confirm: false, withdraw: false };
    expect(await abilitiesOf(sc.b.users.village_admin.cookie)).toEqual({
      ...none,
      accept: true,
      decline: true,
    });
    expect(await abilitiesOf(sc.b.users.unit_admin.cookie)).toEqual({ ...none, withdraw: true });
    expect(await abilitiesOf(city)).toEqual(none);
    await act(sc.b.users.village_admin.cookie, sent.json().intention.id, 'accept');
    expect(await abilitiesOf(sc.b.users.village_admin.cookie)).toEqual(none);
  });
});

describe('draft agreement on acceptance', () => {
  it('records the accepting user as the actor of the draft’s audit row', async () => {
    const roundId = await openRound(env, city);
    const sent = await submit(env, sc.b.users.unit_admin.cookie, roundId, {
      ruralOrgId: sc.b.village.id,
    });
    expect(sent.statusCode).toBe(201);
    const accepted = await act(sc.b.users.village_admin.cookie, sent.json().intention.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    const answer = accepted.json().intention;
    expect(Object.keys(answer).sort()).toEqual(Object.keys(decidedIntention.shape).sort());
    expect(new Date(answer.decidedAt).toISOString()).toBe(answer.decidedAt);
    const list = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/intentions`,
      headers: { cookie: sc.b.users.village_admin.cookie },
    });
    const [item] = list.json().items;
    expect(Object.keys(item).sort()).toEqual(Object.keys(intentionView.shape).sort());
    expect(item).toMatchObject({ submittedAt: answer.submittedAt, decidedAt: answer.decidedAt });
    const { rows } = await env.dbh.query<{ actorId: number; actorName: string }>(
      `select actor_id::int as "actorId", actor_name as "actorName" from audit_log
        where action = 'agreement.create' and entity_id = $1`,
      [String(accepted.json().agreementId)],
    );
    expect(rows).toEqual([
      { actorId: sc.b.users.village_admin.id, actorName: sc.b.users.village_admin.username },
    ]);
  });
});
