import { todoList, type TodoItem, type TodoKind } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario, type ScenarioUser } from '../../../test/scenario.ts';
import { agreements } from '../agreements/schema.ts';
import { toBalancing } from '../allocation/testing.ts';
import { createAllocatedIntention } from '../intentions/commands/allocated.ts';
import { runDailyCompliance } from '../ledger/compliance/daily.ts';
import { insertRecords } from '../ledger/compliance/test-support.ts';
import { moveClock, signedPairing } from '../ledger/test-support.ts';
import { openRound, signAllDrafts, signedInUser, submit } from '../rounds/testing.ts';

let env: TestEnv;
let s: Scenario;
let city: string;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-04-20T09:00:00+08:00');
  s = await createScenario(env, 'todo');
  city = s.actors.city_admin.cookie;
});
afterAll(() => env.close());

/** The caller's list, checked against the contract and its order (soonest deadline first). */
async function todo(user: Pick<ScenarioUser, 'cookie'>): Promise<TodoItem[]> {
  const res = await env.app.inject({
    method: 'GET',
    url: '/api/todo',
    headers: { cookie: user.cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  const { items } = todoList.parse(res.json());
  const deadlines = items.map((i) => i.deadline ?? '9999-12-31');
  expect(deadlines).toEqual([...deadlines].sort());
  for (const item of items) expect(item.count).toBeGreaterThan(0);
  return items;
}

const ofKind = async (user: Pick<ScenarioUser, 'cookie'>, kind: TodoKind) =>
  (await todo(user)).filter((i) => i.kind === kind);

const post = (cookie: string, url: string, payload?: Record<string, unknown>) =>
  env.app.inject({ method: 'POST', url: `/api${url}`, headers: { cookie }, payload });

const cityScope = () => ({
  userId: s.actors.city_admin.id,
  username: s.actors.city_admin.username,
  role: 'city_admin' as const,
  orgId: s.shanghai.id,
  path: s.shanghai.path,
});

describe('GET /api/todo', () => {
  it('answers 401 to the anonymous and an empty list where nothing waits', async () => {
    const anonymous = await env.app.inject({ method: 'GET', url: '/api/todo' });
    expect(anonymous.statusCode).toBe(401);
    for (const role of [
      'unit_admin',
      'village_admin',
      'town_admin',
      'inspector',
      'member',
    ] as const)
      expect(await todo(s.a.users[role])).toEqual([]);
  });

  it('gives the village its intentions to decide, the committee its quota, the district its uncovered villages (R-DEADLINE-INTENT, R-QUOTA, R-COVERAGE)', async () => {
    const roundId = await openRound(env, city);
    const quota = await env.app.inject({
      method: 'PUT',
      url: `/api/rounds/${roundId}/quotas`,
      headers: { cookie: city },
      payload: { orgId: s.committee.id, towns: 0, villages: 2, weakVillages: 1 },
    });
    expect(quota.statusCode, quota.body).toBe(200);
    // The quota is the working committee's, whose units (unit A among them) choose villages.
    const committee = await signedInUser(env, 'todo.committee', 'district_admin', s.committee.id);
    const district = s.a.users.district_admin;
    const uncoveredBefore = await ofKind(district, 'villagesUncovered');
    expect(uncoveredBefore).toHaveLength(1);
    expect(uncoveredBefore[0]).toMatchObject({
      link: `/rounds/${roundId}/uncovered`,
      deadline: '2026-04-30',
      daysLeft: 10,
    });
    expect(await ofKind(district, 'quotaBehind')).toEqual([]);
    expect(await ofKind(committee, 'villagesUncovered')).toEqual([]);
    expect(await ofKind(committee, 'quotaBehind')).toEqual([
      {
        kind: 'quotaBehind',
        count: 2,
        title: expect.stringContaining('村 2 个、经济薄弱村 1 个'),
        deadline: '2026-04-30',
        daysLeft: 10,
        link: `/rounds/${roundId}`,
      },
    ]);
    expect((await ofKind(s.actors.city_admin, 'quotaBehind'))[0]).toMatchObject({ count: 1 });

    const submitted = await submit(env, s.a.users.unit_admin.cookie, roundId, {
      ruralOrgId: s.a.village.id,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    expect(await todo(s.a.users.village_admin)).toEqual([
      {
        kind: 'intentionsToDecide',
        count: 1,
        title: `${s.a.unit.name} 的结对意向`,
        deadline: '2026-04-30',
        daysLeft: 10,
        link: '/intentions/inbox',
      },
    ]);
    // The unit waits on the village; another village, unit or town has nothing of it.
    expect(await todo(s.a.users.unit_admin)).toEqual([]);
    expect(await todo(s.b.users.village_admin)).toEqual([]);
    expect(await todo(s.b.users.unit_admin)).toEqual([]);

    const accepted = await post(
      s.a.users.village_admin.cookie,
      `/intentions/${submitted.json().intention.id}/accept`,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    const agreementId = accepted.json().agreementId as number;
    expect(await ofKind(s.a.users.village_admin, 'intentionsToDecide')).toEqual([]);
    // The accepted pair covers the village and counts toward the committee's quota.
    const uncoveredAfter = await ofKind(district, 'villagesUncovered');
    expect(uncoveredAfter[0].count).toBe(uncoveredBefore[0].count - 1);
    expect(await ofKind(committee, 'quotaBehind')).toMatchObject([
      { count: 1, title: expect.stringMatching(/：村 1 个$/) },
    ]);

    // The draft starts with the unit's pen (R-DEADLINE-SIGN: due by the signing deadline).
    const [pen] = await todo(s.a.users.unit_admin);
    expect(pen).toMatchObject({
      kind: 'agreementPen',
      count: 1,
      title: `与 ${s.a.village.name} 的结对协议`,
      link: `/agreements/${agreementId}`,
    });
    expect(pen.deadline).toMatch(/^2026-\d\d-\d\d$/);
    expect(await ofKind(s.a.users.village_admin, 'agreementPen')).toEqual([]);

    // Once the unit has signed, the village's signature is due and the unit has nothing left.
    await env.dbh.db
      .update(agreements)
      .set({ urbanSignedAt: env.clock.now() })
      .where(eq(agreements.id, agreementId));
    expect(await todo(s.a.users.unit_admin)).toEqual([]);
    expect(await todo(s.a.users.village_admin)).toEqual([
      { ...pen, kind: 'signatureDue', title: `与 ${s.a.unit.name} 的结对协议` },
    ]);
    expect(await todo(s.b.users.unit_admin)).toEqual([]);
  });

  it('asks each side of an allocated pair for its yes, and the city and district in bulk', async () => {
    const roundId = await openRound(env, city, { name: '2026年组织分配测试' }, true);
    await toBalancing(env, city, roundId);
    const { id } = await env.dbh.db.transaction((tx) =>
      createAllocatedIntention(tx, cityScope(), env.clock, {
        roundId,
        urbanOrgId: s.b.unit.id,
        ruralOrgId: s.b.village.id,
      }),
    );
    const unit = await ofKind(s.b.users.unit_admin, 'allocatedToConfirm');
    expect(unit).toEqual([
      expect.objectContaining({
        count: 1,
        title: `与 ${s.b.village.name} 的组织分配结对`,
        link: '/intentions/select',
      }),
    ]);
    // While balancing, the pair is due before the signing deadline.
    expect(unit[0].deadline! > '2026-04-30').toBe(true);
    expect(await ofKind(s.b.users.village_admin, 'allocatedToConfirm')).toMatchObject([
      { title: `与 ${s.b.unit.name} 的组织分配结对`, link: '/intentions/inbox' },
    ]);
    expect(await ofKind(s.a.users.unit_admin, 'allocatedToConfirm')).toEqual([]);

    const bulk = { kind: 'allocatedToConfirmInBulk', count: 1, link: '/allocation' };
    expect(await ofKind(s.actors.city_admin, 'allocatedToConfirmInBulk')).toMatchObject([bulk]);
    expect(await ofKind(s.b.users.district_admin, 'allocatedToConfirmInBulk')).toMatchObject([
      bulk,
    ]);
    expect(await ofKind(s.a.users.district_admin, 'allocatedToConfirmInBulk')).toEqual([]);
    // A city outside the round's scope has nothing of it.
    expect(await todo(s.b.users.city_admin)).toEqual([]);

    const confirmed = await post(s.b.users.unit_admin.cookie, `/intentions/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(await ofKind(s.b.users.unit_admin, 'allocatedToConfirm')).toEqual([]);
    expect(await ofKind(s.b.users.village_admin, 'allocatedToConfirm')).toHaveLength(1);
  });

  it('gives the other side the records to confirm before they count, and the admins above the village its disputes', async () => {
    const pairing = await signedPairing(env, s, { side: 'b' });
    const enteredBy = s.b.users.unit_admin.id;
    const [first] = await insertRecords(env, pairing.id, enteredBy, [
      { type: 'visit', date: '2026-04-18', countsFrom: '2026-05-02', state: 'pending' },
    ]);
    const village = s.b.users.village_admin;
    expect(await ofKind(village, 'recordsToConfirm')).toEqual([
      expect.objectContaining({
        count: 1,
        deadline: '2026-05-01',
        daysLeft: 11,
        link: `/records/${first}`,
      }),
    ]);
    await insertRecords(env, pairing.id, enteredBy, [
      { type: 'visit', date: '2026-04-10', countsFrom: '2026-04-24', state: 'pending' },
      // Entered 14 days ago: it counts already, nothing is left to confirm.
      { type: 'visit', date: '2026-04-06', countsFrom: '2026-04-20', state: 'pending' },
    ]);
    expect(await ofKind(village, 'recordsToConfirm')).toEqual([
      expect.objectContaining({
        count: 2,
        deadline: '2026-04-23',
        daysLeft: 3,
        link: '/records/awaiting',
      }),
    ]);
    // The town confirms for its villages as the awaiting page lists them; the unit entered them.
    expect(await ofKind(s.b.users.town_admin, 'recordsToConfirm')).toMatchObject([{ count: 2 }]);
    expect(await ofKind(s.b.users.unit_admin, 'recordsToConfirm')).toEqual([]);
    expect(await ofKind(s.a.users.village_admin, 'recordsToConfirm')).toEqual([]);

    const [disputed] = await insertRecords(env, pairing.id, enteredBy, [
      { type: 'visit', date: '2026-04-01', countsFrom: null, state: 'disputed' },
    ]);
    const dispute = {
      kind: 'disputesToSettle',
      count: 1,
      deadline: null,
      daysLeft: null,
      link: `/records/${disputed}`,
    };
    for (const admin of [s.b.users.town_admin, s.b.users.district_admin, s.actors.city_admin])
      expect(await ofKind(admin, 'disputesToSettle')).toMatchObject([dispute]);
    for (const other of [village, s.b.users.unit_admin, s.a.users.town_admin, s.b.users.inspector])
      expect(await ofKind(other, 'disputesToSettle')).toEqual([]);
  });

  it('gives the other side a renewal one side has confirmed (R-ROUND-RENEW)', async () => {
    const previous = await openRound(env, city, { name: '上一轮（续签测试）' });
    const sent = await submit(env, s.b.users.unit_admin.cookie, previous, {
      ruralOrgId: s.b.village.id,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const previousIntentionId = sent.json().intention.id as number;
    const accepted = await post(
      s.b.users.village_admin.cookie,
      `/intentions/${previousIntentionId}/accept`,
    );
    expect(accepted.statusCode, accepted.body).toBe(200);
    // Only a pair whose agreement both sides signed may be renewed.
    await signAllDrafts(env, previous);
    const round = await openRound(env, city, {
      name: '新一轮（续签测试）',
      previousRoundId: previous,
    });
    const confirmed = await post(s.b.users.unit_admin.cookie, `/rounds/${round}/renewals`, {
      previousIntentionId,
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);

    expect(await ofKind(s.b.users.village_admin, 'renewalToAnswer')).toEqual([
      {
        kind: 'renewalToAnswer',
        count: 1,
        title: `与 ${s.b.unit.name} 的续签`,
        deadline: '2026-04-30',
        daysLeft: 10,
        link: '/intentions/inbox',
      },
    ]);
    expect(await ofKind(s.b.users.unit_admin, 'renewalToAnswer')).toEqual([]);
    expect(await ofKind(s.a.users.village_admin, 'renewalToAnswer')).toEqual([]);
  });

  it('gives both sides of a pairing the quarterly report they missed (R-REPORT-Q) and the duties due soon', async () => {
    const pairing = await signedPairing(env, s, { side: 'a', packId: 'town-2010' });
    await runDailyCompliance(env);
    for (const [user, partner] of [
      [s.a.users.unit_admin, s.a.village.name],
      [s.a.users.village_admin, s.a.unit.name],
    ] as const) {
      const reports = await ofKind(user, 'reportDue');
      expect(reports).toEqual([
        {
          kind: 'reportDue',
          count: 1,
          title: expect.stringMatching(new RegExp(`^与 ${partner} 的结对：季度报告.*已逾期`)),
          deadline: '2026-04-10',
          daysLeft: -10,
          link: `/pairings/${pairing.id}`,
        },
      ]);
    }
    expect(await ofKind(s.b.users.unit_admin, 'reportDue')).toEqual([]);

    // In December the year's Party lessons and symposiums are due soon (30 days before, as the
    // status says): one item for the pairing and its day, counting both.
    await moveClock(env, '2026-12-05T09:00:00+08:00');
    await runDailyCompliance(env);
    const duties = await ofKind(s.a.users.unit_admin, 'dutyDue');
    expect(duties).toContainEqual({
      kind: 'dutyDue',
      count: 2,
      title: `与 ${s.a.village.name} 的结对：党课和座谈`,
      deadline: '2026-12-31',
      daysLeft: 26,
      link: `/pairings/${pairing.id}`,
    });
    // Side B's pairing has duties due too; they are not unit A's.
    expect(duties.every((d) => d.title.includes(s.a.village.name))).toBe(true);
    expect(await ofKind(s.b.users.unit_admin, 'dutyDue')).not.toEqual([]);
  });
});
