import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { openRound } from './testing.ts';

let env: TestEnv;
let s: Scenario;
let roundId: number;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set('2026-03-02T09:00:00+08:00');
  s = await createScenario(env, 'rbi');
  roundId = await openRound(env, s.actors.city_admin.cookie);
});
afterAll(() => env.close());

const tables = ['rounds', 'round_quotas', 'round_needs', 'round_resources', 'audit_log'];

async function counts() {
  const out: Record<string, number> = {};
  for (const t of tables)
    out[t] = (await env.dbh.query<{ n: number }>(`select count(*)::int as n from ${t}`)).rows[0].n;
  const [round] = (
    await env.dbh.query(`select name, state::text, village_cap from rounds where id = $1`, [
      roundId,
    ])
  ).rows;
  return { ...out, round };
}

type Case = {
  method: 'POST' | 'PUT' | 'PATCH';
  url: string;
  body?: unknown;
  status: number;
  field?: string;
};

async function expectRefused(cookie: string, cases: Case[]) {
  const before = await counts();
  for (const c of cases) {
    const res = await env.app.inject({
      method: c.method,
      url: c.url,
      headers: { cookie },
      payload: c.body as Record<string, unknown>,
    });
    const label = `${c.method} ${c.url} ${JSON.stringify(c.body)}`;
    expect(res.statusCode, `${label} → ${res.body}`).toBe(c.status);
    if (c.field)
      expect(Object.keys(res.json().error.fields ?? {}).join(' '), label).toContain(c.field);
  }
  expect(await counts()).toEqual(before);
}

const longName = '轮'.repeat(101);
const base = { name: '2027年结对', periodStart: '2027-03-01', periodEnd: '2030-07-31' };

describe('bad input on the round write routes (422/404, nothing changes)', () => {
  it('rounds: create, patch and transitions', async () => {
    const city = s.actors.city_admin.cookie;
    await expectRefused(city, [
      { method: 'POST', url: '/api/rounds', body: {}, status: 422, field: 'name' },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, name: '' },
        status: 422,
        field: 'name',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, name: longName },
        status: 422,
        field: 'name',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, name: 42 },
        status: 422,
        field: 'name',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, periodStart: '2027-02-30' },
        status: 422,
        field: 'periodStart',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, periodEnd: '31/07/2030' },
        status: 422,
        field: 'periodEnd',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, intentionDeadline: '2027-13-01' },
        status: 422,
        field: 'intentionDeadline',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, villageCap: 0 },
        status: 422,
        field: 'villageCap',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, villageCap: '2' },
        status: 422,
        field: 'villageCap',
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, policyPackId: 'mars-2099' },
        status: 422,
      },
      {
        method: 'POST',
        url: '/api/rounds',
        body: { ...base, previousRoundId: 99999999 },
        status: 422,
        field: 'previousRoundId',
      },
      {
        method: 'PATCH',
        url: `/api/rounds/${roundId}`,
        body: { name: longName },
        status: 422,
        field: 'name',
      },
      { method: 'PATCH', url: `/api/rounds/${roundId}`, body: { color: 'red' }, status: 422 },
      {
        method: 'PATCH',
        url: `/api/rounds/${roundId}`,
        body: { villageCap: 3 },
        status: 422,
        field: 'villageCap',
      },
      { method: 'PATCH', url: '/api/rounds/99999999', body: { name: '无' }, status: 404 },
      { method: 'PATCH', url: '/api/rounds/abc', body: { name: '无' }, status: 422 },
      {
        method: 'POST',
        url: `/api/rounds/${roundId}/transitions`,
        body: { to: 'finished' },
        status: 422,
        field: 'to',
      },
      {
        method: 'POST',
        url: `/api/rounds/${roundId}/transitions`,
        body: {},
        status: 422,
        field: 'to',
      },
      {
        method: 'POST',
        url: `/api/rounds/${roundId}/transitions`,
        body: { to: 'closed' },
        status: 409,
      },
      {
        method: 'POST',
        url: '/api/rounds/99999999/transitions',
        body: { to: 'balancing' },
        status: 404,
      },
    ]);
  });

  it('quotas and the needs and resources lists', async () => {
    const city = s.actors.city_admin.cookie;
    const q = { orgId: s.a.district.id, towns: 1, villages: 2, weakVillages: 1 };
    const needsUrl = `/api/rounds/${roundId}/orgs/${s.a.village.id}/needs`;
    const resourcesUrl = `/api/rounds/${roundId}/orgs/${s.a.unit.id}/resources`;
    await expectRefused(city, [
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { ...q, towns: -1 },
        status: 422,
        field: 'towns',
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { ...q, villages: 1.5 },
        status: 422,
        field: 'villages',
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { ...q, weakVillages: 'many' },
        status: 422,
        field: 'weakVillages',
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { ...q, note: '注'.repeat(1001) },
        status: 422,
        field: 'note',
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { towns: 1, villages: 1, weakVillages: 1 },
        status: 422,
        field: 'orgId',
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { ...q, orgId: 99999999 },
        status: 404,
      },
      // A village is not a district or working committee.
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/quotas`,
        body: { ...q, orgId: s.a.village.id },
        status: 404,
      },
      { method: 'PUT', url: '/api/rounds/99999999/quotas', body: q, status: 404 },
      { method: 'PUT', url: needsUrl, body: { items: [{ category: '吃喝玩乐' }] }, status: 422 },
      { method: 'PUT', url: needsUrl, body: { items: [{ category: '技术' }] }, status: 422 },
      {
        method: 'PUT',
        url: needsUrl,
        body: { items: [{ category: '产业发展', amount: -5 }] },
        status: 422,
      },
      {
        method: 'PUT',
        url: needsUrl,
        body: { items: [{ category: '产业发展', note: '说'.repeat(501) }] },
        status: 422,
      },
      {
        method: 'PUT',
        url: needsUrl,
        body: { items: Array(31).fill({ category: '产业发展' }) },
        status: 422,
      },
      { method: 'PUT', url: needsUrl, body: { items: 'all' }, status: 422 },
      { method: 'PUT', url: needsUrl, body: {}, status: 422 },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/orgs/99999999/needs`,
        body: { items: [] },
        status: 404,
      },
      // Needs belong to villages and towns; a unit has none.
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/orgs/${s.a.unit.id}/needs`,
        body: { items: [] },
        status: 404,
      },
      {
        method: 'PUT',
        url: resourcesUrl,
        body: { items: [{ category: '产业发展' }] },
        status: 422,
      },
      {
        method: 'PUT',
        url: resourcesUrl,
        body: { items: [{ category: '资金', amount: '十万' }] },
        status: 422,
      },
      {
        method: 'PUT',
        url: `/api/rounds/${roundId}/orgs/${s.a.village.id}/resources`,
        body: { items: [] },
        status: 404,
      },
    ]);
  });
});
