import { incomingList } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound, submit } from '../rounds/testing.ts';

// Issue 13 item 5: a village deciding sees the unit's 资源清单 (S2 §2.2), budget, kind and
// committee beside each intention it received.

let env: TestEnv;
let sc: Scenario;
let roundId: number;

const resource = { category: '技术', note: '农技专家每月驻村两天', amount: 20_000 };

const get = (url: string, cookie?: string) =>
  env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const incoming = (cookie?: string, query = '') =>
  get(`/api/rounds/${roundId}/intentions/incoming${query}`, cookie);

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
  roundId = await openRound(env, sc.actors.city_admin.cookie);
  const put = await env.app.inject({
    method: 'PUT',
    url: `/api/rounds/${roundId}/orgs/${sc.a.unit.id}/resources`,
    headers: { cookie: sc.actors.unit_admin.cookie },
    payload: { items: [resource, { category: '资金' }] },
  });
  expect(put.statusCode).toBe(200);
  for (const ruralOrgId of [sc.a.village.id, sc.b.village.id])
    expect(
      (await submit(env, sc.actors.unit_admin.cookie, roundId, { ruralOrgId })).statusCode,
    ).toBe(201);
});
afterAll(() => env.close());

describe('the inbox of a village or town', () => {
  it('shows each intention with the unit’s kind, budget, committee and resources in full', async () => {
    const res = await incoming(sc.actors.village_admin.cookie);
    expect(res.statusCode).toBe(200);
    const { items } = incomingList.parse(res.json());
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      ruralOrgId: sc.a.village.id,
      urbanOrgName: sc.a.unit.name,
      state: 'pending',
      abilities: { accept: true, decline: true },
      unit: {
        unitType: '机关',
        yearlyBudget: 500_000,
        capacity: 3,
        parentName: '市级机关工委',
        parentKind: 'working_committee',
        resources: [resource, { category: '资金', note: null, amount: null }],
      },
    });
    // The unit's contact person is not the village's business here.
    expect(res.body).not.toContain('王建国');
    expect(res.body).not.toContain('13800005678');
  });

  it('keeps to the rural side in scope: the town sees its village’s, the unit and side B none of A’s', async () => {
    const town = incomingList.parse((await incoming(sc.actors.town_admin.cookie)).json());
    expect(town.items.map((i) => i.ruralOrgId)).toEqual([sc.a.village.id]);
    // The unit chose both villages, but neither lies inside its scope: its inbox is empty.
    expect(incomingList.parse((await incoming(sc.actors.unit_admin.cookie)).json()).items).toEqual(
      [],
    );
    const b = incomingList.parse((await incoming(sc.b.users.village_admin.cookie)).json());
    expect(b.items.map((i) => i.ruralOrgId)).toEqual([sc.b.village.id]);
  });

  it('filters by state', async () => {
    const cookie = sc.actors.village_admin.cookie;
    expect(incomingList.parse((await incoming(cookie, '?state=accepted')).json()).items).toEqual(
      [],
    );
    expect(
      incomingList.parse((await incoming(cookie, '?state=pending')).json()).items,
    ).toHaveLength(1);
  });

  it('answers 401 anonymous, 404 outside the round’s scope, 422 on a bad state', async () => {
    expect((await incoming()).statusCode).toBe(401);
    expect((await incoming(sc.b.users.city_admin.cookie)).statusCode).toBe(404);
    const bad = await incoming(sc.actors.village_admin.cookie, '?state=maybe');
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().error.fields)).toContain('state');
  });
});
