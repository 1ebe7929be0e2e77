// 三员分立 (issue 16 item 10): what each platform administrator's work does, and that nobody does
// another's, erases a record or reaches business data.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, testPassword } from '../../../test/fixtures.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario } from '../../../test/scenario.ts';
import { recordAudit } from '../audit/record.ts';
import { defaultSecurityPolicy } from '../auth/security-policy.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
});
afterAll(() => env.close());

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
const as = (cookie: string | undefined, method: Method, url: string, payload?: object) =>
  env.app.inject({
    method,
    url,
    headers: cookie ? { cookie } : {},
    ...(payload ? { payload } : {}),
  });

const cookieOf = (role: keyof Scenario['actors']) => s.actors[role].cookie;
const setPolicy = (patch: Partial<typeof defaultSecurityPolicy>) =>
  as(cookieOf('security_admin'), 'PUT', '/api/security/policy', {
    ...defaultSecurityPolicy,
    ...patch,
  });

const signIn = (username: string, password: string, from = '203.0.113.9') =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    payload: { username, password },
  });

describe('the password and lockout policy', () => {
  it('refuses bounds outside the policy and changes nothing', async () => {
    for (const bad of [
      { minPasswordLength: 9 },
      { minPasswordLength: 65 },
      { maxFailedAttempts: 2 },
      { maxFailedAttempts: 11 },
      { maxSessions: 0 },
      { maxSessions: 51 },
      { firstPauseMinutes: 1.5 },
    ]) {
      const res = await setPolicy(bad);
      expect([bad, res.statusCode]).toEqual([bad, 422]);
    }
    const res = await as(cookieOf('security_admin'), 'GET', '/api/security/policy');
    expect(res.json().policy).toEqual({ ...defaultSecurityPolicy, updatedAt: null });
  });

  it('takes effect: a longer minimum refuses a 10-character password, 3 failures pause', async () => {
    await createUser(env, { username: 'pol.user', role: 'member', orgId: s.a.village.id });
    expect((await setPolicy({ minPasswordLength: 14, maxFailedAttempts: 3 })).statusCode).toBe(200);

    const cookie = await login(env, 'pol.user');
    const change = (newPassword: string) =>
      as(cookie, 'POST', '/api/auth/password', { oldPassword: testPassword, newPassword });
    const short = await change('Qz7!vB2@xK');
    expect(short.statusCode).toBe(422);
    expect(short.json().error.fields.newPassword).toMatch(/14/);
    expect((await change('Qz7!vB2@xK-river')).statusCode).toBe(200);

    for (let i = 1; i <= 2; i += 1)
      expect((await signIn('pol.user', `wrong-${i}`)).statusCode).toBe(401);
    expect((await signIn('pol.user', 'wrong-3')).statusCode).toBe(423);
    expect((await signIn('pol.user', 'Qz7!vB2@xK-river')).statusCode).toBe(423);
    await setPolicy({});
  });

  it('caps sessions per user at the policy', async () => {
    await createUser(env, { username: 'pol.sessions', role: 'member', orgId: s.a.village.id });
    await setPolicy({ maxSessions: 1 });
    const first = await login(env, 'pol.sessions');
    // The oldest ends: one second apart, so that the order does not rest on the token.
    env.clock.advance(1_000);
    const second = await login(env, 'pol.sessions');
    expect((await as(first, 'GET', '/api/auth/me')).statusCode).toBe(401);
    expect((await as(second, 'GET', '/api/auth/me')).statusCode).toBe(200);
    await setPolicy({});
  });
});

describe('accounts and roles', () => {
  it('lets no route grant or change a platform administrator role, or reach such an account', async () => {
    const target = await createUser(env, {
      username: 'role.target',
      role: 'member',
      orgId: s.a.village.id,
    });
    const security = cookieOf('security_admin');
    const system = cookieOf('system_admin');
    for (const role of ['system_admin', 'security_admin', 'audit_admin']) {
      expect((await as(security, 'PUT', `/api/users/${target.id}/role`, { role })).statusCode).toBe(
        403,
      );
      const created = await as(system, 'POST', '/api/users', {
        username: `mk.${role}`,
        displayName: '越权',
        role,
        orgId: s.a.city.id,
      });
      expect(created.statusCode).toBe(403);
    }
    for (const role of ['system_admin', 'security_admin', 'audit_admin'] as const) {
      const id = s.actors[role].id;
      for (const cookie of [system, security, cookieOf('city_admin')]) {
        expect((await as(cookie, 'GET', `/api/users/${id}`)).statusCode).toBe(404);
        expect(
          (await as(cookie, 'PATCH', `/api/users/${id}`, { displayName: '改名' })).statusCode,
        ).toBe(cookie === security ? 403 : 404);
        expect(
          (await as(cookie, 'PUT', `/api/users/${id}/role`, { role: 'member' })).statusCode,
        ).toBe(cookie === security ? 404 : 403);
      }
    }
    const listed = await as(cookieOf('city_admin'), 'GET', '/api/users?pageSize=100');
    const roles: string[] = listed.json().items.map((u: { role: string }) => u.role);
    expect(
      roles.filter((r) => ['system_admin', 'security_admin', 'audit_admin'].includes(r)),
    ).toEqual([]);
  });

  it('changes a business role, refusing one that does not fit the org, and ends the sessions', async () => {
    const target = await createUser(env, {
      username: 'role.change',
      role: 'member',
      orgId: s.a.village.id,
    });
    const held = await login(env, 'role.change');
    const security = cookieOf('security_admin');
    const misfit = await as(security, 'PUT', `/api/users/${target.id}/role`, {
      role: 'unit_admin',
    });
    expect(misfit.statusCode).toBe(422);
    const bad = await as(security, 'PUT', `/api/users/${target.id}/role`, { role: 'root' });
    expect(bad.statusCode).toBe(422);
    const done = await as(security, 'PUT', `/api/users/${target.id}/role`, {
      role: 'village_admin',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().user.role).toBe('village_admin');
    expect((await as(held, 'GET', '/api/auth/me')).statusCode).toBe(401);
  });
});

describe('the audit trails', () => {
  it('shows business admins business records only, and the audit admin the security trail', async () => {
    await recordAudit(env.dbh.db, null, {
      action: 'round.created',
      entity: 'round',
      entityId: 1,
      scopePath: s.a.city.path,
    });
    await recordAudit(env.dbh.db, null, {
      action: 'user.updated',
      entity: 'user',
      entityId: s.actors.member.id,
      scopePath: s.a.unit.path,
      after: { phone: '13812345678' },
    });
    for (const role of ['city_admin', 'district_admin', 'town_admin', 'inspector'] as const) {
      const page = await as(cookieOf(role), 'GET', '/api/audit?pageSize=100');
      expect(page.statusCode).toBe(200);
      const actions: string[] = page.json().items.map((r: { action: string }) => r.action);
      expect(actions.filter((a) => /^(user|security|session|person)\.|exported$/.test(a))).toEqual(
        [],
      );
      const byAction = await as(cookieOf(role), 'GET', '/api/audit?action=user.updated');
      expect(byAction.json().total).toBe(0);
    }
    const city = await as(cookieOf('city_admin'), 'GET', '/api/audit?action=round.created');
    expect(city.json().total).toBe(1);

    const trail = await as(cookieOf('audit_admin'), 'GET', '/api/security/trail?pageSize=100');
    expect(trail.statusCode).toBe(200);
    const kinds: string[] = trail.json().items.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('user.updated');
    expect(kinds).toContain('sign_in.ok');
    expect(kinds).not.toContain('round.created');
    const updated = trail.json().items.find((e: { kind: string }) => e.kind === 'user.updated');
    expect(updated.after).toEqual({ phone: '138****5678' });
  });

  it('lists sign-ins and sessions ended by the security admin, filtered, and exports them masked', async () => {
    await createUser(env, { username: 'trail.user', role: 'member', orgId: s.a.village.id });
    expect((await signIn('trail.user', 'wrong-password')).statusCode).toBe(401);
    const held = await login(env, 'trail.user');
    const sessions = await as(
      cookieOf('security_admin'),
      'GET',
      '/api/security/sessions?q=trail.user',
    );
    const [session] = sessions.json().items;
    expect(session).toMatchObject({ username: 'trail.user' });
    const ended = await as(
      cookieOf('security_admin'),
      'DELETE',
      `/api/security/sessions/${session.id}`,
    );
    expect(ended.statusCode).toBe(200);
    expect((await as(held, 'GET', '/api/auth/me')).statusCode).toBe(401);
    const again = await as(
      cookieOf('security_admin'),
      'DELETE',
      `/api/security/sessions/${session.id}`,
    );
    expect(again.statusCode).toBe(404);

    const audit = cookieOf('audit_admin');
    const failed = await as(
      audit,
      'GET',
      '/api/security/trail?kind=sign_in.failed&actor=trail.user',
    );
    expect(failed.json().items.map((e: { kind: string }) => e.kind)).toEqual(['sign_in.failed']);
    const endedTrail = await as(audit, 'GET', '/api/security/trail?kind=session.ended');
    expect(endedTrail.json().items[0]).toMatchObject({
      actorName: s.actors.security_admin.username,
      after: expect.objectContaining({ username: 'trail.user' }),
    });
    const badRange = await as(audit, 'GET', '/api/security/trail?from=2026-02-30');
    expect(badRange.statusCode).toBe(422);

    const file = await as(audit, 'GET', '/api/security/trail.xlsx');
    expect(file.statusCode).toBe(200);
    expect(file.headers['cache-control']).toBe('no-store');
    expect(file.headers['content-type']).toMatch(/spreadsheetml/);
    // Each entry by its name, as on the trail page, not by its code.
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const kinds = book.worksheets[0].getColumn(4).values.slice(2);
    expect(kinds).toContain('安全管理员结束会话');
    expect(kinds).toContain('登录失败');
    expect(kinds.filter((kind) => /^[a-z_]+(\.[a-zA-Z_]+)+$/.test(String(kind)))).toEqual([]);
  });

  it("lets the security admin end a platform administrator's session too, and nobody else", async () => {
    for (const role of ['system_admin', 'audit_admin', 'security_admin'] as const) {
      const { id, username } = s.actors[role];
      const held = await login(env, username);
      const { rows } = await env.dbh.query<{ id: number }>(
        `select id::int as "id" from sessions where user_id = $1 order by created_at desc, id desc limit 1`,
        [id],
      );
      const url = `/api/security/sessions/${rows[0].id}`;
      for (const other of ['system_admin', 'audit_admin', 'city_admin'] as const)
        expect([other, (await as(cookieOf(other), 'DELETE', url)).statusCode]).toEqual([
          other,
          403,
        ]);
      const listed = await as(
        cookieOf('security_admin'),
        'GET',
        `/api/security/sessions?userId=${id}`,
      );
      expect(listed.json().items.map((i: { id: number }) => i.id)).toContain(rows[0].id);
      expect((await as(cookieOf('security_admin'), 'DELETE', url)).statusCode).toBe(200);
      expect((await as(held, 'GET', '/api/auth/me')).statusCode).toBe(401);
      // The administrator's other session, the one the suite signs in with, is left alone.
      expect((await as(cookieOf(role), 'GET', '/api/auth/me')).statusCode).toBe(200);
    }
  });

  it('has no route that changes or erases an audit or sign-in record', async () => {
    const count = async () =>
      (
        await env.dbh.query<{ a: number; s: number }>(
          `select (select count(*)::int from audit_log) as a, (select count(*)::int from sign_ins) as s`,
        )
      ).rows[0];
    const before = await count();
    for (const role of ['audit_admin', 'security_admin', 'system_admin', 'city_admin'] as const) {
      for (const method of ['DELETE', 'PUT', 'PATCH', 'POST'] as const) {
        for (const url of [
          '/api/audit',
          '/api/audit/1',
          '/api/security/trail',
          '/api/security/trail/audit-1',
        ]) {
          const res = await as(cookieOf(role), method, url, method === 'DELETE' ? undefined : {});
          expect([method, url, [404, 405]]).toEqual([
            method,
            url,
            expect.arrayContaining([res.statusCode]),
          ]);
        }
      }
    }
    expect(await count()).toEqual(before);
  });
});

describe('platform administrators and business data', () => {
  it('answers 403 on every business route, and the home to-do holds nothing of the business', async () => {
    const business = [
      '/api/rounds',
      '/api/agreements',
      '/api/pairings',
      '/api/records/awaiting',
      '/api/people',
      '/api/care/cases',
      '/api/mobile',
      '/api/help-pairs',
      '/api/help-pairs/coverage',
      '/api/secretaries',
      '/api/audit',
    ];
    for (const role of ['system_admin', 'security_admin', 'audit_admin'] as const) {
      for (const url of business) {
        const res = await as(cookieOf(role), 'GET', url);
        expect([role, url, res.statusCode]).toEqual([role, url, 403]);
      }
      const todo = await as(cookieOf(role), 'GET', '/api/todo');
      expect(todo.json().items.filter((i: { count: number }) => i.count > 0)).toEqual([]);
    }
  });
});
