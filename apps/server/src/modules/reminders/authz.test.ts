import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkAuthz, every, everyone } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { notifications } from './schema.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env, 'ntz');
});
afterAll(() => env.close());

describe('authorization matrix of the notification routes', () => {
  it('lets every signed-in role read its own organization’s notifications, 404 for others', async () => {
    const [villageNote] = await env.dbh.db
      .insert(notifications)
      .values({
        orgId: s.a.village.id,
        kind: 'confirm.intention',
        title: '有结对意向待确认',
        body: '正文',
        createdAt: env.clock.now(),
      })
      .returning();
    await checkAuthz(env, s, [
      { method: 'GET', url: '/api/notifications', expect: every(200) },
      { method: 'GET', url: '/api/notifications?unread=true&page=2', expect: every(200) },
      { method: 'GET', url: '/api/notifications/unread-count', expect: every(200) },
      {
        // Addressed to 民主村: its admin reads it; the town above it and the city do not.
        method: 'POST',
        url: `/api/notifications/${villageNote.id}/read`,
        expect: { ...everyone(404), anonymous: 401, village_admin: 200 },
      },
      { method: 'POST', url: '/api/notifications/read-all', expect: every(200) },
    ]);
  });
});
