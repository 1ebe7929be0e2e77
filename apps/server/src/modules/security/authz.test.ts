// 三员分立 (issue 16 item 10): every administrator action as each platform administrator, a
// business admin and anonymously; the other business roles are denied alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAuthz, only, type AuthzRoute, type Caller } from '../../../test/authz.ts';
import { createUser, login } from '../../../test/fixtures.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { defaultSecurityPolicy } from '../auth/security-policy.ts';

let env: TestEnv;
let s: Scenario;
let targetId: number;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
  // Nobody's actor, so a role change or a reset does not end an actor's session.
  targetId = (
    await createUser(env, { username: 'sep.target', role: 'member', orgId: s.a.village.id })
  ).id;
  // Signed in, for a session to end: a reset or a role change of the target would end its own.
  await createUser(env, { username: 'sep.online', role: 'member', orgId: s.a.village.id });
});
afterAll(() => env.close());

/**
 * A session of the target. One is enough: the role is checked before the lookup, so only the
 * security administrator's call reaches it.
 */
async function targetSession() {
  await login(env, 'sep.online');
  const { rows } = await env.dbh.query<{ id: string }>(
    `select s.id from sessions s join users u on u.id = s.user_id where u.username = 'sep.online'`,
  );
  return Number(rows[0]!.id);
}

const newUser = (caller: Caller) => ({
  username: `sep.new.${caller}`,
  displayName: '新用户',
  role: 'member',
  orgId: s.a.village.id,
});

function routes(sessionId: number): AuthzRoute[] {
  return [
    // The system administrator's: accounts (a city admin keeps managing its own scope too).
    {
      method: 'POST',
      url: '/api/users',
      body: newUser,
      expect: only({ city_admin: 201, district_admin: 201, town_admin: 201, system_admin: 201 }),
    },
    {
      method: 'PATCH',
      url: `/api/users/${targetId}`,
      body: { displayName: '改名' },
      expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, system_admin: 200 }),
    },
    {
      method: 'POST',
      url: `/api/users/${targetId}/reset-password`,
      expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, system_admin: 200 }),
    },
    // The security administrator's: roles, policy, sessions.
    {
      method: 'PUT',
      url: `/api/users/${targetId}/role`,
      body: { role: 'member' },
      expect: only({ security_admin: 200 }),
    },
    { method: 'GET', url: '/api/security/policy', expect: only({ security_admin: 200 }) },
    {
      method: 'PUT',
      url: '/api/security/policy',
      body: defaultSecurityPolicy,
      expect: only({ security_admin: 200 }),
    },
    {
      method: 'GET',
      url: `/api/security/sessions?userId=${targetId}`,
      expect: only({ security_admin: 200 }),
    },
    {
      method: 'DELETE',
      url: `/api/security/sessions/${sessionId}`,
      expect: only({ security_admin: 200 }),
    },
    // The audit administrator's: the security trail.
    { method: 'GET', url: '/api/security/trail', expect: only({ audit_admin: 200 }) },
    {
      method: 'GET',
      url: '/api/security/trail?kind=sign_in.failed&from=2026-01-01',
      expect: only({ audit_admin: 200 }),
    },
    { method: 'GET', url: '/api/security/trail.xlsx', expect: only({ audit_admin: 200 }) },
    // The business audit log stays the business admins'.
    {
      method: 'GET',
      url: '/api/audit',
      expect: only({ city_admin: 200, district_admin: 200, town_admin: 200, inspector: 200 }),
    },
  ];
}

describe('three-role separation: authorization matrix', () => {
  it('lets each administrator do its own work only; nobody else does it', async () => {
    const sessionId = await targetSession();
    await checkAuthz(env, s, routes(sessionId));
    const { rows } = await env.dbh.query(`select 1 from sessions where id = $1`, [sessionId]);
    expect(rows).toEqual([]);
  });
});
