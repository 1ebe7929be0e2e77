import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound, submit } from '../rounds/testing.ts';

let env: TestEnv;
let s: Scenario;
let roundId: number;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  s = await createScenario(env, 'ibi');
  roundId = await openRound(env, s.actors.city_admin.cookie);
});
afterAll(() => env.close());

const tables = [
  'intentions',
  'renewals',
  'round_slots',
  'round_unit_loads',
  'idempotency_keys',
  'agreements',
  'audit_log',
];

async function counts() {
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = (await env.dbh.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0].n;
  out.taken = (
    await env.dbh.query<{ n: number }>(`select coalesce(sum(taken), 0)::int as n from round_slots`)
  ).rows[0].n;
  return out;
}

describe('bad input on the intention write routes (422/404, nothing changes)', () => {
  it('submission: body, key and ids', async () => {
    const unit = s.a.users.unit_admin.cookie;
    const before = await counts();
    const cases: Array<[unknown, string | undefined, number]> = [
      [{}, undefined, 422],
      [{ ruralOrgId: '民主村' }, undefined, 422],
      [{ ruralOrgId: -3 }, undefined, 422],
      [{ ruralOrgId: 1.5 }, undefined, 422],
      [{ ruralOrgId: s.a.village.id, urbanOrgId: 'x' }, undefined, 422],
      [{ ruralOrgId: s.a.village.id }, 'short', 422],
      [{ ruralOrgId: s.a.village.id }, 'k'.repeat(101), 422],
      [{ ruralOrgId: s.a.village.id }, 'has space!', 422],
      [{ ruralOrgId: 99999999 }, 'unknown-rural-1', 404],
      // A unit is not a rural target.
      [{ ruralOrgId: s.b.unit.id }, 'unit-as-rural-1', 404],
      [{ ruralOrgId: s.a.village.id, urbanOrgId: 99999999 }, 'unknown-urban-1', 404],
    ];
    for (const [body, key, status] of cases) {
      const res = await env.app.inject({
        method: 'POST',
        url: `/api/rounds/${roundId}/intentions`,
        headers: { cookie: unit, ...(key ? { 'idempotency-key': key } : {}) },
        payload: body as Record<string, unknown>,
      });
      expect(res.statusCode, `${JSON.stringify(body)} ${key} → ${res.body}`).toBe(status);
    }
    expect((await submit(env, unit, 99999999, { ruralOrgId: s.a.village.id })).statusCode).toBe(
      404,
    );
    expect((await submit(env, unit, 0, { ruralOrgId: s.a.village.id })).statusCode).toBe(422);
    const after = await counts();
    // Refusals with a valid key are remembered for replay (idempotency_keys); nothing else moves.
    expect({ ...after, idempotency_keys: before.idempotency_keys }).toEqual(before);
  });

  it('decisions, withdrawal and renewals: unknown and malformed ids', async () => {
    const before = await counts();
    const village = s.a.users.village_admin.cookie;
    const unit = s.a.users.unit_admin.cookie;
    const cases: Array<[string, string, unknown, number]> = [
      [village, '/api/intentions/99999999/accept', undefined, 404],
      [village, '/api/intentions/abc/accept', undefined, 422],
      [village, '/api/intentions/0/decline', undefined, 422],
      [unit, '/api/intentions/99999999/withdraw', undefined, 404],
      [unit, '/api/intentions/-1/withdraw', undefined, 422],
      [unit, `/api/rounds/${roundId}/renewals`, {}, 422],
      [unit, `/api/rounds/${roundId}/renewals`, { previousIntentionId: 'one' }, 422],
      [unit, `/api/rounds/${roundId}/renewals`, { previousIntentionId: 99999999 }, 404],
      [unit, '/api/rounds/99999999/renewals', { previousIntentionId: 1 }, 404],
      [unit, '/api/renewals/99999999/decline', undefined, 404],
      [unit, '/api/renewals/x/decline', undefined, 422],
    ];
    for (const [cookie, url, body, status] of cases) {
      const res = await env.app.inject({
        method: 'POST',
        url,
        headers: { cookie },
        ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
      });
      expect(res.statusCode, `${url} → ${res.body}`).toBe(status);
    }
    expect(await counts()).toEqual(before);
  });
});
