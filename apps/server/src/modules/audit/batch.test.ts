import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { balancingRound, runAllocation } from '../allocation/testing.ts';

let env: TestEnv;
let sc: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env, 'ab');
});
afterAll(() => env.close());

type Item = {
  id: number;
  action: string;
  entity: string;
  entityId: string | null;
  batchId: number | null;
  items: number;
};
const browse = async (query: string, cookie = sc.actors.city_admin.cookie) => {
  const res = await env.app.inject({
    method: 'GET',
    url: `/api/audit?pageSize=100&${query}`,
    headers: { cookie },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; total: number };
};

describe('a bulk action in the audit log', () => {
  it('lists a publish once with its count, its intentions as its items', async () => {
    const { roundId } = await balancingRound(env, sc, 2);
    const city = sc.actors.city_admin.cookie;
    const ran = await runAllocation(env, city, roundId);
    const runId: number = ran.json().run.id;
    const published = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${roundId}/allocation/runs/${runId}/publish`,
      headers: { cookie: city },
    });
    expect(published.statusCode, published.body).toBe(200);
    const intentionIds: number[] = published.json().intentionIds;
    expect(intentionIds.length).toBeGreaterThan(1);

    const publishes = await browse(`action=allocation.published&entityId=${runId}`);
    expect(publishes.items).toHaveLength(1);
    const batch = publishes.items[0];
    expect(batch).toMatchObject({ entity: 'allocation_run', batchId: null });
    expect(batch.items).toBe(intentionIds.length);

    // The log's pages do not repeat the publish's intentions one by one.
    const listed = await browse('action=intention.submitted');
    const ids = new Set(intentionIds.map(String));
    expect(listed.items.filter((i) => ids.has(i.entityId!))).toEqual([]);

    const items = await browse(`batch=${batch.id}`);
    expect(items.total).toBe(intentionIds.length);
    expect(items.items.every((i) => i.action === 'intention.submitted')).toBe(true);
    expect(items.items.map((i) => Number(i.entityId)).sort((a, b) => a - b)).toEqual(
      [...intentionIds].sort((a, b) => a - b),
    );

    // One intention's history still shows its own record.
    const history = await browse(`entity=intention&entityId=${intentionIds[0]}`);
    expect(history.items.map((i) => [i.action, i.batchId])).toEqual([
      ['intention.submitted', batch.id],
    ]);

    // The batch ends with the publish's transaction: the next write records on its own.
    const next = await runAllocation(env, city, roundId);
    expect(next.statusCode).toBe(200);
    const latest = await env.dbh.query<{ batch_id: string | null }>(
      'select batch_id from audit_log order by id desc limit 1',
    );
    expect(latest.rows[0].batch_id).toBeNull();
  });

  it("keeps a batch's items inside the reader's scope", async () => {
    const [batch] = (await browse('action=allocation.published')).items;
    const outside = await browse(`batch=${batch.id}`, sc.b.users.city_admin.cookie);
    expect(outside.total).toBe(0);
  });

  it('refuses a batch that is not an id', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/audit?batch=abc',
      headers: { cookie: sc.actors.city_admin.cookie },
    });
    expect(res.statusCode).toBe(422);
  });
});
