import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledJobs } from '../jobs/testing.ts';
import { checkAuthz, only, type AuthzRoute } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { balancingRound, runAllocation } from './testing.ts';

let env: TestEnv;
let sc: Scenario;
let roundId: number;
let runId: number;
let pairs: Array<{ id: number; urbanOrgId: number }>;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env, 'az');
  roundId = (await balancingRound(env, sc, 2)).roundId;
  const res = await runAllocation(env, sc.actors.city_admin.cookie, roundId);
  runId = res.json().run.id;
  pairs = res.json().pairs;
});
afterAll(() => env.close());

const readers = { city_admin: 200, district_admin: 200, inspector: 200 } as const;

describe('allocation routes: authorization matrix', () => {
  it('lets each role do exactly what policy.ts says', async () => {
    const base = () => `/api/rounds/${roundId}/allocation`;
    const run = () => `${base()}/runs/${runId}`;
    // Table order matters: the re-run and the fresh run supersede the run the earlier rows edit.
    const routes: AuthzRoute[] = [
      { method: 'GET', url: `${base()}/settings`, expect: only(readers) },
      {
        method: 'PUT',
        url: `${base()}/settings`,
        body: { perKm: 2 },
        expect: only({ city_admin: 200 }),
      },
      {
        method: 'GET',
        url: `${base()}/preferences/${sc.a.unit.id}`,
        // The district admin of 金山区 has no authority over a unit of 市级机关工委.
        expect: only({ unit_admin: 200, district_admin: 404 }),
      },
      {
        method: 'PUT',
        url: `${base()}/preferences/${sc.a.unit.id}`,
        body: { ruralOrgIds: [sc.a.district.id] },
        expect: only({ unit_admin: 200, district_admin: 404 }),
      },
      { method: 'GET', url: `${base()}/runs`, expect: only(readers) },
      { method: 'GET', url: run(), expect: only(readers) },
      { method: 'GET', url: `${run()}/export.xlsx`, expect: only(readers) },
      {
        method: 'POST',
        url: `${run()}/pairs/${pairs[0].id}/lock`,
        body: { locked: true },
        expect: only({ city_admin: 200 }),
      },
      {
        method: 'POST',
        url: `${run()}/pairs/${pairs[1].id}/remove`,
        expect: only({ city_admin: 200 }),
      },
      {
        method: 'GET',
        url: `${run()}/pairs/${pairs[2].id}/candidates`,
        expect: only({ city_admin: 200 }),
      },
      {
        method: 'POST',
        url: `${run()}/pairs/${pairs[2].id}/swap`,
        body: { urbanOrgId: pairs[2].urbanOrgId },
        expect: only({ city_admin: 422 }),
      },
      { method: 'POST', url: `${run()}/rerun`, expect: only({ city_admin: 202 }) },
      { method: 'POST', url: `${base()}/runs`, expect: only({ city_admin: 202 }) },
    ];
    await checkAuthz(env, sc, routes);
    // The runs started above are background jobs; the last to finish is the one under review.
    await settledJobs(env, sc.actors.city_admin.cookie);
    // The fresh run is the one under review; publishing it makes its pairs intentions.
    const runs = await env.app.inject({
      method: 'GET',
      url: `${base()}/runs`,
      headers: { cookie: sc.actors.city_admin.cookie },
    });
    const fresh = Math.max(...runs.json().items.map((r: { id: number }) => r.id));
    await checkAuthz(env, sc, [
      {
        method: 'POST',
        url: `${base()}/runs/${fresh}/publish`,
        expect: only({ city_admin: 200 }),
      },
      {
        // A district or working committee confirms its published pairs in bulk.
        method: 'POST',
        url: `/api/rounds/${roundId}/intentions/allocated/confirm`,
        body: {},
        headers: (caller) => ({ 'idempotency-key': `authz-bulk-${caller}` }),
        expect: only({ district_admin: 200 }),
      },
    ]);
  });

  it('answers 404 to the admin of another city for every route', async () => {
    const cookie = sc.b.users.city_admin.cookie;
    const base = `/api/rounds/${roundId}/allocation`;
    const calls: Array<[string, string, object?]> = [
      ['GET', `${base}/settings`],
      ['PUT', `${base}/settings`, {}],
      ['GET', `${base}/runs`],
      ['POST', `${base}/runs`],
      ['GET', `${base}/runs/${runId}`],
      ['GET', `${base}/runs/${runId}/export.xlsx`],
      ['POST', `${base}/runs/${runId}/rerun`],
      ['POST', `${base}/runs/${runId}/pairs/${pairs[0].id}/lock`, { locked: false }],
      ['POST', `${base}/runs/${runId}/pairs/${pairs[0].id}/remove`],
      ['GET', `${base}/runs/${runId}/pairs/${pairs[0].id}/candidates`],
      ['POST', `${base}/runs/${runId}/pairs/${pairs[0].id}/swap`, { urbanOrgId: sc.a.unit.id }],
    ];
    for (const [method, url, payload] of calls) {
      const res = await env.app.inject({
        method: method as 'GET',
        url,
        headers: { cookie },
        ...(payload ? { payload } : {}),
      });
      expect([url, res.statusCode]).toEqual([url, 404]);
    }
  });

  it('shows a district admin only the pairs and districts of its own subtree', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: `/api/rounds/${roundId}/allocation/runs/${runId}`,
      headers: { cookie: sc.actors.district_admin.cookie },
    });
    const view = res.json();
    expect(view.districts.map((d: { name: string }) => d.name)).toEqual(['金山区']);
    for (const u of view.uncovered) expect(u.districtName).toBe('金山区');
    expect(view.uncovered.length).toBeGreaterThan(0);
  });

  it('rejects bad bodies with 422 and names the field', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${roundId}/allocation/runs/${runId}/pairs/${pairs[0].id}/lock`,
      headers: { cookie: sc.actors.city_admin.cookie },
      payload: { locked: 'yes' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.locked).toBe('应为 true 或 false');
  });
});
