import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { seedDemoRound } from './demo.ts';

let env: TestEnv;
let sc: Scenario;
beforeAll(async () => {
  env = await createTestEnv();
  sc = await createScenario(env);
});
afterAll(() => env.close());

const get = (url: string) =>
  env.app.inject({ method: 'GET', url, headers: { cookie: sc.actors.unit_admin.cookie } });

it('opens one demo round with deadlines ahead of the clock, and only one however often it runs', async () => {
  const first = await seedDemoRound(env.dbh.db, env.clock, sc.shanghai.id);
  const again = await seedDemoRound(env.dbh.db, env.clock, sc.shanghai.id);
  expect(again.id).toBe(first.id);
  expect(first.state).toBe('intentions_open');

  const board = await env.app.inject({
    method: 'GET',
    url: `/api/public/rounds/${first.id}/board`,
  });
  expect(board.statusCode).toBe(200);
  const deadlines = board.json().deadlines as Array<{ key: string; daysLeft: number }>;
  expect(deadlines.find((d) => d.key === 'intention')?.daysLeft).toBe(60);
  expect(deadlines.find((d) => d.key === 'signing')?.daysLeft).toBe(120);

  // A unit of the city can submit at once: the round is open and its window has not passed.
  const listed = await get('/api/rounds');
  expect(listed.json().items.map((r: { id: number }) => r.id)).toContain(first.id);
  const submitted = await env.app.inject({
    method: 'POST',
    url: `/api/rounds/${first.id}/intentions`,
    headers: { cookie: sc.actors.unit_admin.cookie, 'idempotency-key': 'demo-round-0001' },
    payload: { ruralOrgId: sc.a.village.id },
  });
  expect(submitted.statusCode).toBe(201);
});
