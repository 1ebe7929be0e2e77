import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuthz, only, type AuthzRoute, type Caller } from '../../../test/authz.ts';
import { createUser } from '../../../test/fixtures.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';

let env: TestEnv;
let s: Scenario;
let insideId: number;
let outsideId: number;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
  // Targets that are nobody's actor, so resets and edits do not end an actor's session.
  insideId = (
    await createUser(env, { username: 't.inside', role: 'member', orgId: s.a.village.id })
  ).id;
  outsideId = (
    await createUser(env, { username: 't.outside', role: 'member', orgId: s.b.village.id })
  ).id;
});
afterAll(() => env.close());

const newUser = (orgId: number, tag: string) => (caller: Caller) => ({
  username: `authz.${tag}.${caller}`,
  displayName: '测试用户',
  role: 'member',
  orgId,
});

// Actors sit on side A: city_admin 上海市, district_admin and inspector 金山区, town_admin 朱泾镇,
// village_admin 民主村, unit_admin and member 上海市农业农村委员会; the three platform
// administrators 上海市.
const readers = {
  city_admin: 200,
  district_admin: 200,
  town_admin: 200,
  inspector: 200,
  system_admin: 200,
  security_admin: 200,
} as const;
const shanghaiOnly = {
  city_admin: 200,
  district_admin: 404,
  town_admin: 404,
  inspector: 404,
  system_admin: 200,
  security_admin: 200,
} as const;
const nowhere = { city_admin: 404, district_admin: 404, town_admin: 404 } as const;

function routes(): AuthzRoute[] {
  return [
    { method: 'GET', url: '/api/users', expect: only(readers) },
    { method: 'GET', url: `/api/users/${insideId}`, expect: only(readers) },
    { method: 'GET', url: `/api/users/${outsideId}`, expect: only(shanghaiOnly) },
    {
      name: 'GET a user in 嘉兴市',
      method: 'GET',
      url: `/api/users/${s.b.users.city_admin.id}`,
      expect: only({ ...nowhere, inspector: 404, system_admin: 404, security_admin: 404 }),
    },
    {
      name: 'POST a user in 民主村 (inside)',
      method: 'POST',
      url: '/api/users',
      body: newUser(s.a.village.id, 'in'),
      expect: only({ city_admin: 201, district_admin: 201, town_admin: 201, system_admin: 201 }),
    },
    {
      name: 'POST a user in 周荡村 (outside 金山区)',
      method: 'POST',
      url: '/api/users',
      body: newUser(s.b.village.id, 'out'),
      expect: only({ city_admin: 201, district_admin: 404, town_admin: 404, system_admin: 201 }),
    },
    {
      name: 'POST a user in 嘉兴市 (outside 上海市)',
      method: 'POST',
      url: '/api/users',
      body: newUser(s.b.city.id, 'far'),
      expect: only({ ...nowhere, system_admin: 404 }),
    },
    {
      method: 'PATCH',
      url: `/api/users/${insideId}`,
      body: { displayName: '改名' },
      expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, system_admin: 200 }),
    },
    {
      method: 'PATCH',
      url: `/api/users/${outsideId}`,
      body: { displayName: '改名' },
      expect: only({ city_admin: 200, district_admin: 404, town_admin: 404, system_admin: 200 }),
    },
    {
      method: 'POST',
      url: `/api/users/${insideId}/reset-password`,
      expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, system_admin: 200 }),
    },
    {
      method: 'POST',
      url: `/api/users/${outsideId}/reset-password`,
      expect: only({ city_admin: 200, district_admin: 404, town_admin: 404, system_admin: 200 }),
    },
    {
      method: 'PUT',
      url: `/api/users/${insideId}/role`,
      body: { role: 'inspector' },
      expect: only({ security_admin: 200 }),
    },
    {
      name: 'PUT the role of a user in 嘉兴市',
      method: 'PUT',
      url: `/api/users/${s.b.users.city_admin.id}/role`,
      body: { role: 'inspector' },
      expect: only({ security_admin: 404 }),
    },
  ];
}

describe('users authorization matrix', () => {
  it('allows each role exactly its rights, inside its scope only', async () => {
    await checkAuthz(env, s, routes());
  });

  it('answers 403 password_change_required on every route until the password is changed', async () => {
    for (const route of routes()) {
      const body = typeof route.body === 'function' ? route.body('city_admin') : route.body;
      const res = await env.app.inject({
        method: route.method,
        url: route.url,
        headers: { cookie: s.pendingPasswordChange.cookie },
        ...(body === undefined ? {} : { payload: body as object }),
      });
      expect([route.url, res.statusCode, res.json().error?.code]).toEqual([
        route.url,
        403,
        'password_change_required',
      ]);
    }
  });
});
