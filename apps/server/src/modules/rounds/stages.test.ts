import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { createAllocatedIntention } from '../intentions/commands/allocated.ts';
import { openRound, submit } from './testing.ts';

// Stage changes that guard (issue 13 item 3, docs/rounds.md "Stage changes"): the preview lists
// what is unfinished, the move needs a confirmation and a reason, is audited, and leaves nothing
// that no one can act on.

let env: TestEnv;
let s: Scenario;
let city: string;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  s = await createScenario(env, 'stg');
  city = s.actors.city_admin.cookie;
});
afterAll(() => env.close());

const get = (url: string, cookie = city) =>
  env.app.inject({ method: 'GET', url: `/api${url}`, headers: { cookie } });
const post = (url: string, payload: object = {}, cookie = city) =>
  env.app.inject({ method: 'POST', url: `/api${url}`, headers: { cookie }, payload });

const preview = async (roundId: number, to: string) => {
  const res = await get(`/rounds/${roundId}/transition-preview?to=${to}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    needsConfirmation: boolean;
    items: { kind: string; count: number; outcome: string; date: string | null }[];
  };
};
const itemOf = (p: Awaited<ReturnType<typeof preview>>, kind: string) =>
  p.items.find((i) => i.kind === kind);
const move = (roundId: number, body: object) => post(`/rounds/${roundId}/transitions`, body);
const confirmed = (to: string, reason = '市委组织部会议决定提前推进') => ({
  to,
  confirm: true,
  reason,
});
const roundState = async (id: number) => (await get(`/rounds/${id}`)).json().round.state as string;

const intention = async (id: number) =>
  (
    await env.dbh.query<{ state: string; closedReason: string | null }>(
      'select state::text as state, closed_reason as "closedReason" from intentions where id = $1',
      [id],
    )
  ).rows[0];
const placesTaken = async (roundId: number) =>
  (
    await env.dbh.query<{ slots: number; loads: number }>(
      `select (select coalesce(sum(taken), 0)::int from round_slots where round_id = $1) as slots,
        (select coalesce(sum(taken), 0)::int from round_unit_loads where round_id = $1) as loads`,
      [roundId],
    )
  ).rows[0];
const lastTransitionAudit = async (roundId: number) =>
  (
    await env.dbh.query<{ after: Record<string, unknown>; actorId: number }>(
      `select after, actor_id::int as "actorId" from audit_log
       where action = 'round.transition' and entity_id = $1 order by id desc limit 1`,
      [String(roundId)],
    )
  ).rows[0];

async function submitted(roundId: number) {
  const res = await submit(env, s.a.users.unit_admin.cookie, roundId, {
    ruralOrgId: s.a.village.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().intention.id as number;
}

const cityScope = () => ({
  userId: s.actors.city_admin.id,
  username: s.actors.city_admin.username,
  role: 'city_admin' as const,
  orgId: s.shanghai.id,
  path: s.shanghai.path,
});

describe('into 综合平衡 (balancing)', () => {
  it('lists the pending intention, the open deadline and the uncovered places with their outcomes', async () => {
    const roundId = await openRound(env, city);
    await submitted(roundId);
    const p = await preview(roundId, 'balancing');
    expect(p.needsConfirmation).toBe(true);
    expect(itemOf(p, 'pendingIntentions')).toEqual({
      kind: 'pendingIntentions',
      count: 1,
      outcome: 'lapse',
      date: null,
    });
    // 2 March to 30 April, both days counted.
    expect(itemOf(p, 'intentionDeadlineAhead')).toEqual({
      kind: 'intentionDeadlineAhead',
      count: 60,
      outcome: 'closeEarly',
      date: '2026-04-30',
    });
    expect(itemOf(p, 'uncoveredTargets')).toMatchObject({ outcome: 'allocate' });
    expect(itemOf(p, 'uncoveredTargets')!.count).toBeGreaterThan(0);
    // Kinds with nothing unfinished are left out; the preview changes nothing.
    expect(itemOf(p, 'draftAgreements')).toBeUndefined();
    expect(await roundState(roundId)).toBe('intentions_open');
  });

  it('refuses without confirm and reason (409, fields named), with a bad reason (422), changing nothing', async () => {
    const roundId = await openRound(env, city);
    const id = await submitted(roundId);
    const bare = await move(roundId, { to: 'balancing' });
    expect(bare.statusCode).toBe(409);
    expect(bare.json().error).toMatchObject({
      code: 'transition_unconfirmed',
      fields: { confirm: expect.any(String), reason: '请填写变更原因' },
    });
    const noReason = await move(roundId, { to: 'balancing', confirm: true, reason: '   ' });
    expect(noReason.statusCode).toBe(409);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason']);
    const notConfirmed = await move(roundId, { to: 'balancing', confirm: false, reason: '推进' });
    expect(notConfirmed.statusCode).toBe(409);
    expect(Object.keys(notConfirmed.json().error.fields)).toEqual(['confirm']);
    const control = await move(roundId, confirmed('balancing', '推进\u0007'));
    expect(control.statusCode).toBe(422);
    expect(control.json().error.fields.reason).toContain('控制字符');
    const long = await move(roundId, confirmed('balancing', '长'.repeat(201)));
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields.reason).toContain('200');
    expect(await roundState(roundId)).toBe('intentions_open');
    expect(await intention(id)).toEqual({ state: 'pending', closedReason: null });
    expect(await placesTaken(roundId)).toEqual({ slots: 1, loads: 1 });
  });

  it('confirmed: lapses the pending intention with its reason shown to both sides, frees its places, audits it all', async () => {
    const roundId = await openRound(env, city);
    const id = await submitted(roundId);
    const res = await move(roundId, confirmed('balancing'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().round.state).toBe('balancing');
    const after = await intention(id);
    expect(after.state).toBe('lapsed');
    expect(after.closedReason).toContain('市委组织部会议决定提前推进');
    expect(await placesTaken(roundId)).toEqual({ slots: 0, loads: 0 });
    for (const user of [s.a.users.unit_admin, s.a.users.village_admin]) {
      const list = await get(`/rounds/${roundId}/intentions`, user.cookie);
      const item = list.json().items.find((i: { id: number }) => i.id === id);
      expect(item).toMatchObject({ state: 'lapsed', closedReason: after.closedReason });
      expect(Object.values(item.abilities).some(Boolean)).toBe(false);
    }
    const audit = await lastTransitionAudit(roundId);
    expect(audit.actorId).toBe(s.actors.city_admin.id);
    expect(audit.after).toMatchObject({
      state: 'balancing',
      reason: '市委组织部会议决定提前推进',
      closed: { intentions: 1 },
    });
    expect(audit.after.unfinished).toEqual(
      expect.arrayContaining([
        { kind: 'pendingIntentions', count: 1, outcome: 'lapse', date: null },
        expect.objectContaining({ kind: 'intentionDeadlineAhead', count: 60 }),
      ]),
    );
    const lapsed = await env.dbh.query<{ n: number }>(
      `select count(*)::int as n from audit_log where action = 'intention.lapsed' and entity_id = $1`,
      [String(id)],
    );
    expect(lapsed.rows[0].n).toBe(1);
    // The village can be chosen again (the live-pair key no longer holds the lapsed one).
    const slots = await env.dbh.query<{ n: number }>(
      `select count(*)::int as n from intentions where round_id = $1 and state in ('pending', 'accepted')`,
      [roundId],
    );
    expect(slots.rows[0].n).toBe(0);
  });

  it('is one winner when two admins move the round at once; the loser gets 409 and nothing lapses twice', async () => {
    const roundId = await openRound(env, city);
    await submitted(roundId);
    const [a, b] = await Promise.all([
      move(roundId, confirmed('balancing')),
      move(roundId, confirmed('balancing')),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const audits = await env.dbh.query<{ n: number }>(
      `select count(*)::int as n from audit_log a join intentions i on a.entity_id = i.id::text
       where a.action = 'intention.lapsed' and i.round_id = $1`,
      [roundId],
    );
    expect(audits.rows[0].n).toBe(1);
  });
});

describe('into 协议签订 (signing) and 帮扶实施 (in force)', () => {
  it('keeps allocated pairs confirmable in signing: both sides confirm there and the agreement is drafted', async () => {
    const roundId = await openRound(env, city);
    expect((await move(roundId, confirmed('balancing'))).statusCode).toBe(200);
    const { id } = await env.dbh.db.transaction((tx) =>
      createAllocatedIntention(tx, cityScope(), env.clock, {
        roundId,
        urbanOrgId: s.a.unit.id,
        ruralOrgId: s.a.village.id,
      }),
    );
    const p = await preview(roundId, 'signing');
    expect(itemOf(p, 'allocatedAwaitingBoth')).toMatchObject({ count: 1, outcome: 'remain' });
    expect((await move(roundId, confirmed('signing'))).statusCode).toBe(200);
    expect(await intention(id)).toEqual({ state: 'pending', closedReason: null });

    const list = await get(`/rounds/${roundId}/intentions`, s.a.users.village_admin.cookie);
    expect(list.json().items[0].abilities).toMatchObject({ accept: true, decline: true });
    const unit = await post(`/intentions/${id}/confirm`, {}, s.a.users.unit_admin.cookie);
    expect(unit.statusCode, unit.body).toBe(200);
    const village = await post(`/intentions/${id}/accept`, {}, s.a.users.village_admin.cookie);
    expect(village.statusCode, village.body).toBe(200);
    expect(village.json().agreementId).toEqual(expect.any(Number));
  });

  it('into 帮扶实施: the unsigned agreement and an unconfirmed allocated pair lapse, visibly, and cannot be signed', async () => {
    const roundId = await openRound(env, city);
    const voluntary = await submitted(roundId);
    const accepted = await post(
      `/intentions/${voluntary}/accept`,
      {},
      s.a.users.village_admin.cookie,
    );
    const agreementId = accepted.json().agreementId as number;
    expect((await move(roundId, confirmed('balancing'))).statusCode).toBe(200);
    const { id: allocated } = await env.dbh.db.transaction((tx) =>
      createAllocatedIntention(tx, cityScope(), env.clock, {
        roundId,
        urbanOrgId: s.b.unit.id,
        ruralOrgId: s.b.village.id,
      }),
    );
    await post(`/intentions/${allocated}/accept`, {}, s.b.users.village_admin.cookie);
    expect((await move(roundId, confirmed('signing'))).statusCode).toBe(200);

    const p = await preview(roundId, 'in_force');
    expect(itemOf(p, 'draftAgreements')).toMatchObject({ count: 1, outcome: 'lapse' });
    expect(itemOf(p, 'allocatedAwaitingOne')).toMatchObject({ count: 1, outcome: 'lapse' });
    expect(itemOf(p, 'signingDeadlineAhead')).toMatchObject({
      outcome: 'closeEarly',
      date: '2026-07-01',
    });
    expect((await move(roundId, { to: 'in_force' })).statusCode).toBe(409);
    const res = await move(roundId, confirmed('in_force', '签订期已满'));
    expect(res.statusCode, res.body).toBe(200);

    const agreement = await get(`/agreements/${agreementId}`, s.a.users.unit_admin.cookie);
    expect(agreement.json()).toMatchObject({ status: 'lapsed' });
    expect(agreement.json().closedReason).toContain('签订期已满');
    expect(Object.values(agreement.json().abilities).some(Boolean)).toBe(false);
    const sign = await post(
      `/agreements/${agreementId}/sign`,
      { version: agreement.json().version },
      s.a.users.unit_admin.cookie,
    );
    expect(sign.statusCode).toBe(409);
    expect((await intention(voluntary)).state).toBe('lapsed');
    expect((await intention(allocated)).state).toBe('lapsed');
    expect(await placesTaken(roundId)).toEqual({ slots: 0, loads: 0 });
    expect((await lastTransitionAudit(roundId)).after).toMatchObject({
      reason: '签订期已满',
      closed: { agreements: 1, allocatedIntentions: 1 },
    });
    // Nothing of the round is left in a state that awaits an action no one can take.
    const stranded = await env.dbh.query<{ n: number }>(
      `select (select count(*) from intentions where round_id = $1 and state = 'pending')
        + (select count(*) from agreements where round_id = $1 and status = 'draft') as n`,
      [roundId],
    );
    expect(Number(stranded.rows[0].n)).toBe(0);
  });
});

describe('renewals and the preview’s refusals', () => {
  it('offers renewal only for previous-round pairs whose agreement both sides signed', async () => {
    const previous = await openRound(env, city, { name: '上一轮' });
    const a = await submitted(previous);
    await post(`/intentions/${a}/accept`, {}, s.a.users.village_admin.cookie);
    const b = await submit(env, s.b.users.unit_admin.cookie, previous, {
      ruralOrgId: s.b.village.id,
    });
    await post(`/intentions/${b.json().intention.id}/accept`, {}, s.b.users.village_admin.cookie);
    // Side A's agreement came into force; side B's stayed a draft.
    await env.dbh.query(
      `update agreements set status = 'signed', signed_at = now() where intention_id = $1`,
      [a],
    );
    const next = await openRound(env, city, { name: '新一轮', previousRoundId: previous });
    const renewals = await get(`/rounds/${next}/renewals`);
    expect(
      renewals.json().items.map((r: { previousIntentionId: number }) => r.previousIntentionId),
    ).toEqual([a]);
    const p = await preview(next, 'balancing');
    expect(itemOf(p, 'renewalsUnanswered')).toMatchObject({ count: 1, outcome: 'lapse' });

    // One side answers; moving on closes the half-answered renewal with the reason.
    const yes = await post(
      `/rounds/${next}/renewals`,
      { previousIntentionId: a },
      s.a.users.unit_admin.cookie,
    );
    expect(yes.statusCode, yes.body).toBe(200);
    expect(itemOf(await preview(next, 'balancing'), 'renewalsAwaiting')).toMatchObject({
      count: 1,
    });
    expect((await move(next, confirmed('balancing', '续签期结束'))).statusCode).toBe(200);
    const [closed] = (await get(`/rounds/${next}/renewals`, s.a.users.village_admin.cookie)).json()
      .items;
    expect(closed.declinedAt).not.toBeNull();
    expect(closed.closedReason).toContain('续签期结束');
    expect(closed.abilities).toEqual({ confirm: false, decline: false });
  });

  it('answers 409 for a move that is not the next one and 422 for an unknown state', async () => {
    const roundId = await openRound(env, city);
    const skip = await get(`/rounds/${roundId}/transition-preview?to=in_force`);
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('illegal_transition');
    const unknown = await get(`/rounds/${roundId}/transition-preview?to=finished`);
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.fields.to).toBeDefined();
    const nothing = await openRound(env, city, {}, false);
    expect(await preview(nothing, 'intentions_open')).toMatchObject({
      items: [],
      needsConfirmation: false,
    });
  });
});
