import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuthz, only } from '../../../test/authz.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
});
afterAll(() => env.close());

const browsers = { city_admin: 200, district_admin: 200, town_admin: 200, inspector: 200 } as const;

describe('audit authorization matrix', () => {
  // Out-of-scope records are filtered, never 404: audit.test.ts checks what each role sees.
  it('lets admins and inspectors browse; other roles get 403', async () => {
    await checkAuthz(env, s, [
      { method: 'GET', url: '/api/audit', expect: only(browsers) },
      {
        method: 'GET',
        url: `/api/audit?entity=user&from=2026-01-01&to=2026-12-31&page=1&pageSize=5`,
        expect: only(browsers),
      },
    ]);
  });

  it('answers 403 password_change_required until the password is changed', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/audit',
      headers: { cookie: s.pendingPasswordChange.cookie },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('password_change_required');
  });
});
