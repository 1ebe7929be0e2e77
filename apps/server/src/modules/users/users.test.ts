import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, login, testPassword } from '../../../test/fixtures.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createScenario, type Scenario, type ScenarioUser } from '../../../test/scenario.ts';
import { newPasswordSchema } from '@pairing/shared';
import { temporaryPassword } from './temporary-password.ts';

let env: TestEnv;
let s: Scenario;

beforeAll(async () => {
  env = await createTestEnv();
  s = await createScenario(env);
});
afterAll(() => env.close());

const as = (user: ScenarioUser) => ({ cookie: user.cookie });
const post = (user: ScenarioUser, url: string, payload?: unknown) =>
  env.app.inject({ method: 'POST', url, headers: as(user), payload: payload as object });
const patch = (user: ScenarioUser, url: string, payload: unknown) =>
  env.app.inject({ method: 'PATCH', url, headers: as(user), payload: payload as object });
const get = (user: ScenarioUser, url: string) =>
  env.app.inject({ method: 'GET', url, headers: as(user) });

const count = async (sql: string, params: unknown[] = []) =>
  Number((await env.dbh.query<{ n: string }>(sql, params)).rows[0].n);
const userCount = () => count('select count(*) as n from users');
const auditCount = () => count('select count(*) as n from audit_log');
const sessionCount = (userId: number) =>
  count('select count(*) as n from sessions where user_id = $1', [userId]);

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: 'zhang.wei',
  displayName: '张伟',
  role: 'village_admin',
  orgId: s.a.village.id,
  phone: '13812345678',
  ...overrides,
});

describe('creating users', () => {
  it('creates a user with a one-time password that must be changed, masked phone, audited', async () => {
    const res = await post(s.a.users.town_admin, '/api/users', newUser());
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: 'zhang.wei',
      role: 'village_admin',
      orgId: s.a.village.id,
      orgName: '民主村村委会',
      phone: '138****5678',
      mustChangePassword: true,
      disabled: false,
      lockedUntil: null,
    });
    expect(newPasswordSchema.safeParse(initialPassword).success).toBe(true);
    const cookie = await login(env, 'zhang.wei', initialPassword);
    const me = await env.app.inject({ method: 'GET', url: '/api/users', headers: { cookie } });
    expect(me.json().error.code).toBe('password_change_required');

    const [audit] = (
      await env.dbh.query<{ actor_id: number; after: Record<string, unknown>; scope_path: string }>(
        `select actor_id, after, scope_path from audit_log where action = 'user.created' and entity_id = $1`,
        [String(user.id)],
      )
    ).rows;
    expect(Number(audit.actor_id)).toBe(s.a.users.town_admin.id);
    expect(audit.scope_path).toBe(s.a.village.path);
    expect(audit.after).toMatchObject({ username: 'zhang.wei', phone: '138****5678' });
    expect(JSON.stringify(audit.after)).not.toMatch(/argon2|passwordHash|password_hash/);
  });

  it('generates passwords that always meet the password rule and differ', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const p = temporaryPassword();
      expect(newPasswordSchema.safeParse(p).success, p).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(500);
  });

  it('answers 404 for an org outside the caller scope and changes nothing', async () => {
    const before = await userCount();
    const res = await post(
      s.a.users.district_admin,
      '/api/users',
      newUser({ username: 'outside1', orgId: s.b.village.id }),
    );
    expect(res.statusCode).toBe(404);
    expect(await userCount()).toBe(before);
  });

  it('refuses a role that does not fit the org kind (422, field role)', async () => {
    const cases: Array<[string, number]> = [
      ['city_admin', s.a.district.id],
      ['district_admin', s.a.town.id],
      ['town_admin', s.a.village.id],
      ['unit_admin', s.a.village.id],
      ['village_admin', s.a.town.id],
    ];
    for (const [role, orgId] of cases) {
      const res = await post(
        s.a.users.city_admin,
        '/api/users',
        newUser({ username: `fit.${role}`, role, orgId }),
      );
      expect(res.statusCode, role).toBe(422);
      expect(res.json().error.fields.role).toBeTruthy();
    }
  });

  it('lets a district admin sit on a working committee and inspectors anywhere', async () => {
    const committee = await post(
      s.a.users.city_admin,
      '/api/users',
      newUser({ username: 'jiguan.admin', role: 'district_admin', orgId: s.committee.id }),
    );
    expect(committee.statusCode).toBe(201);
    const inspector = await post(
      s.a.users.town_admin,
      '/api/users',
      newUser({ username: 'town.inspector', role: 'inspector', orgId: s.a.village.id }),
    );
    expect(inspector.statusCode).toBe(201);
  });

  it('never lets a role create one above itself', async () => {
    // A town admin may create a peer town admin but no district admin, even where kinds fit.
    const peer = await post(
      s.a.users.town_admin,
      '/api/users',
      newUser({ username: 'peer.town', role: 'town_admin', orgId: s.a.town.id }),
    );
    expect(peer.statusCode).toBe(201);
    const districtAdmin = await post(
      s.a.users.district_admin,
      '/api/users',
      newUser({ username: 'up.city', role: 'city_admin', orgId: s.a.district.id }),
    );
    expect(districtAdmin.statusCode).toBe(403);
  });

  it('rejects bad input with Chinese field messages and creates nothing', async () => {
    const bad: Array<[string, unknown]> = [
      ['username', newUser({ username: undefined })],
      ['username', newUser({ username: 'ab' })],
      ['username', newUser({ username: 'a'.repeat(33) })],
      ['username', newUser({ username: '张伟' })],
      ['username', newUser({ username: 'has space' })],
      ['username', newUser({ username: 42 })],
      ['displayName', newUser({ displayName: undefined })],
      ['displayName', newUser({ displayName: '' })],
      ['displayName', newUser({ displayName: '名'.repeat(65) })],
      ['role', newUser({ role: 'root' })],
      ['role', newUser({ role: undefined })],
      ['orgId', newUser({ orgId: undefined })],
      ['orgId', newUser({ orgId: '12' })],
      ['orgId', newUser({ orgId: 1.5 })],
      ['orgId', newUser({ orgId: -1 })],
      ['phone', newUser({ phone: '12345678901' })],
      ['phone', newUser({ phone: '1381234567' })],
      ['phone', newUser({ phone: 13812345678 })],
      ['phone', newUser({ phone: '1'.repeat(500) })],
    ];
    const users = await userCount();
    const audits = await auditCount();
    for (const [field, body] of bad) {
      const res = await post(s.a.users.city_admin, '/api/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      const { error } = res.json();
      expect(error.code).toBe('validation_failed');
      expect(error.fields[field], JSON.stringify(body)).toMatch(/[\u4e00-\u9fff]/);
    }
    const notAnObject = await post(s.a.users.city_admin, '/api/users', [newUser()]);
    expect(notAnObject.statusCode).toBe(422);
    const plainText = await post(s.a.users.city_admin, '/api/users', 'username=x');
    expect(plainText.statusCode).toBe(415);
    expect(await userCount()).toBe(users);
    expect(await auditCount()).toBe(audits);
  });

  it('ignores fields a caller may not set (password hash, must-change flag, disabled)', async () => {
    const res = await post(
      s.a.users.city_admin,
      '/api/users',
      newUser({ username: 'sneaky', passwordHash: 'x', mustChangePassword: false, disabled: true }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().user).toMatchObject({ mustChangePassword: true, disabled: false });
    expect(await login(env, 'sneaky', res.json().initialPassword)).toBeTruthy();
  });

  it('answers 409 username_taken for a taken name, without a second audit record', async () => {
    const first = await post(s.a.users.city_admin, '/api/users', newUser({ username: 'dup.one' }));
    expect(first.statusCode).toBe(201);
    const audits = await auditCount();
    const again = await post(s.a.users.city_admin, '/api/users', newUser({ username: 'dup.one' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'username_taken' });
    expect(await auditCount()).toBe(audits);
  });

  it('lets the unique constraint decide two concurrent creates of one username', async () => {
    for (let round = 0; round < 3; round++) {
      const body = newUser({ username: `race.${round}` });
      const results = await Promise.all([
        post(s.a.users.city_admin, '/api/users', body),
        post(s.a.users.district_admin, '/api/users', body),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
      expect(
        await count('select count(*) as n from users where username = $1', [body.username]),
      ).toBe(1);
      expect(
        await count(
          `select count(*) as n from audit_log where action = 'user.created' and after->>'username' = $1`,
          [body.username],
        ),
      ).toBe(1);
    }
  });
});

describe('listing and reading users', () => {
  it('lists only users inside the caller scope, with masked phones', async () => {
    const res = await get(s.a.users.district_admin, '/api/users?pageSize=100');
    expect(res.statusCode).toBe(200);
    const { items, total } = res.json();
    expect(total).toBe(items.length);
    const names = items.map((u: { username: string }) => u.username);
    expect(names).toContain('sc.a.village_admin');
    expect(names).toContain('sc.a.inspector');
    expect(names).not.toContain('sc.b.village_admin');
    expect(names).not.toContain('sc.a.city_admin');
    expect(names).not.toContain('sc.a.unit_admin');
    for (const u of items) if (u.phone) expect(u.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('filters by text, role, org subtree and disabled, and pages', async () => {
    const city = s.a.users.city_admin;
    const byRole = (await get(city, '/api/users?role=village_admin&pageSize=100')).json();
    expect(byRole.items.every((u: { role: string }) => u.role === 'village_admin')).toBe(true);
    expect(byRole.total).toBeGreaterThanOrEqual(2);

    const byOrg = (await get(city, `/api/users?orgId=${s.a.town.id}&pageSize=100`)).json();
    const orgIds = new Set(byOrg.items.map((u: { orgId: number }) => u.orgId));
    expect([...orgIds].every((id) => id === s.a.town.id || id === s.a.village.id)).toBe(true);
    expect(orgIds.has(s.a.village.id)).toBe(true);

    const byText = (await get(city, '/api/users?q=A.VILLAGE')).json();
    expect(byText.items.map((u: { username: string }) => u.username)).toEqual([
      'sc.a.village_admin',
    ]);
    // LIKE metacharacters are literal.
    expect((await get(city, '/api/users?q=%25')).json().total).toBe(0);

    const page1 = (await get(city, '/api/users?pageSize=2&page=1')).json();
    const page2 = (await get(city, '/api/users?pageSize=2&page=2')).json();
    expect(page1.items).toHaveLength(2);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expect(page2.total).toBe(page1.total);

    const disabled = (await get(city, '/api/users?disabled=true')).json();
    expect(disabled.items.every((u: { disabled: boolean }) => u.disabled)).toBe(true);
  });

  it('rejects bad list parameters', async () => {
    for (const query of [
      'page=0',
      'page=abc',
      'pageSize=101',
      'role=root',
      'disabled=yes',
      `q=${'x'.repeat(65)}`,
      'orgId=-3',
    ]) {
      const res = await get(s.a.users.city_admin, `/api/users?${query}`);
      expect(res.statusCode, query).toBe(422);
    }
  });

  it('answers 404 for a user outside the scope and for a missing id', async () => {
    expect((await get(s.a.users.town_admin, `/api/users/${s.b.users.member.id}`)).statusCode).toBe(
      404,
    );
    expect((await get(s.a.users.city_admin, '/api/users/99999999')).statusCode).toBe(404);
    expect((await get(s.a.users.city_admin, '/api/users/abc')).statusCode).toBe(422);
  });
});

describe('changing users', () => {
  it('updates name and phone, audits before and after', async () => {
    const target = s.a.users.village_admin;
    const res = await patch(s.a.users.town_admin, `/api/users/${target.id}`, {
      displayName: '李娜',
      phone: '13912345678',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ displayName: '李娜', phone: '139****5678' });
    const { rows } = await env.dbh.query<{ before: { displayName: string }; after: object }>(
      `select before, after from audit_log where action = 'user.updated' and entity_id = $1`,
      [String(target.id)],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].before.displayName).toBe(target.username);
    expect(rows[0].after).toMatchObject({ displayName: '李娜' });
  });

  it('disabling ends the user sessions at once; enabling lets them sign in again', async () => {
    const target = s.a.users.member;
    const cookie = await login(env, target.username);
    const me = () => env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    // Used once, so this process has the session resolved (authenticate's cache).
    expect((await me()).statusCode).toBe(200);
    expect(await sessionCount(target.id)).toBeGreaterThan(0);
    const res = await patch(s.a.users.city_admin, `/api/users/${target.id}`, { disabled: true });
    expect(res.statusCode).toBe(200);
    expect(await sessionCount(target.id)).toBe(0);
    expect((await me()).statusCode).toBe(401);
    await expect(login(env, target.username)).rejects.toThrow(/403/);
    await patch(s.a.users.city_admin, `/api/users/${target.id}`, { disabled: false });
    expect(await login(env, target.username)).toBeTruthy();
  });

  it('does not let an admin disable themselves', async () => {
    const self = s.a.users.district_admin;
    const res = await patch(self, `/api/users/${self.id}`, { disabled: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.fields.disabled).toBeTruthy();
  });

  it('rejects bad patches and changes nothing', async () => {
    const url = `/api/users/${s.a.users.village_admin.id}`;
    const audits = await auditCount();
    for (const body of [
      {},
      { role: 'city_admin' },
      { displayName: '' },
      { displayName: 7 },
      { displayName: '名'.repeat(65) },
      { phone: '123' },
      { disabled: 'yes' },
    ]) {
      const res = await patch(s.a.users.city_admin, url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
    }
    expect(await auditCount()).toBe(audits);
    const clear = await patch(s.a.users.city_admin, url, { phone: null });
    expect(clear.json().user.phone).toBeNull();
  });

  it('answers reset-password for a bad or unknown id with 422 or 404', async () => {
    const audits = await auditCount();
    const bad = await post(s.a.users.city_admin, '/api/users/abc/reset-password');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.fields.id).toBeTruthy();
    const unknown = await post(s.a.users.city_admin, '/api/users/99999999/reset-password');
    expect(unknown.statusCode).toBe(404);
    const patchUnknown = await patch(s.a.users.city_admin, '/api/users/99999999', {
      displayName: 'x',
    });
    expect(patchUnknown.statusCode).toBe(404);
    expect(await auditCount()).toBe(audits);
  });

  it('resets a password: new one-time password, lockout cleared, old password and sessions gone', async () => {
    const target = s.a.users.inspector;
    await env.dbh.query(
      `update users set failed_attempts = 5, locked_until = now() + interval '1 hour' where id = $1`,
      [target.id],
    );
    const res = await post(s.a.users.district_admin, `/api/users/${target.id}/reset-password`);
    expect(res.statusCode).toBe(200);
    const { initialPassword } = res.json();
    expect(newPasswordSchema.safeParse(initialPassword).success).toBe(true);
    expect(await sessionCount(target.id)).toBe(0);
    await expect(login(env, target.username, testPassword)).rejects.toThrow(/401/);
    const cookie = await login(env, target.username, initialPassword);
    const me = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(me.json().user.mustChangePassword).toBe(true);
    const audited = await count(
      `select count(*) as n from audit_log where action = 'user.password_reset' and entity_id = $1`,
      [String(target.id)],
    );
    expect(audited).toBe(1);
  });

  it('makes one-time passwords as long as the security policy asks, when it asks more than 12', async () => {
    const target = s.a.users.inspector;
    const reset = async () =>
      (await post(s.a.users.district_admin, `/api/users/${target.id}/reset-password`)).json()
        .initialPassword as string;
    expect(await reset()).toHaveLength(12);
    await env.dbh.query(
      `insert into security_policy (min_password_length, max_failed_attempts, first_pause_minutes,
         max_pause_hours, max_sessions) values (16, 5, 15, 24, 5)`,
    );
    try {
      const longer = await reset();
      expect(longer).toHaveLength(16);
      expect(await login(env, target.username, longer)).toBeTruthy();
    } finally {
      await env.dbh.query('delete from security_policy');
    }
  });
});

describe('abilities', () => {
  it('tells on each user whether the caller may edit it or reset its password', async () => {
    // A higher rank inside a district admin's scope only arises from data written by hand.
    const above = await createUser(env, {
      username: 'odd.city',
      role: 'city_admin',
      orgId: s.a.village.id,
    });
    const abilitiesOf = async (caller: ScenarioUser, id: number) =>
      (await get(caller, `/api/users/${id}`)).json().user.abilities;
    expect(await abilitiesOf(s.a.users.district_admin, above.id)).toEqual({
      update: false,
      resetPassword: false,
      assignRole: false,
    });
    expect(await abilitiesOf(s.a.users.city_admin, above.id)).toEqual({
      update: true,
      resetPassword: true,
      assignRole: false,
    });
    expect(await abilitiesOf(s.a.users.district_admin, s.a.users.town_admin.id)).toEqual({
      update: true,
      resetPassword: true,
      assignRole: false,
    });
    expect(await abilitiesOf(s.b.users.inspector, s.b.users.town_admin.id)).toEqual({
      update: false,
      resetPassword: false,
      assignRole: false,
    });
    const list = await get(s.a.users.district_admin, '/api/users?q=odd.city');
    expect(list.json().items[0].abilities).toEqual({
      update: false,
      resetPassword: false,
      assignRole: false,
    });
    const refused = await patch(s.a.users.district_admin, `/api/users/${above.id}`, {
      displayName: '改名',
    });
    expect(refused.statusCode).toBe(403);
  });

  it('offers each admin the roles it may hand out, and none to the other roles', async () => {
    const offered = async (user: ScenarioUser) =>
      (await get(user, '/api/auth/me')).json().user.assignableRoles;
    expect(await offered(s.a.users.city_admin)).toEqual([
      'city_admin',
      'district_admin',
      'town_admin',
      'unit_admin',
      'village_admin',
      'inspector',
      'member',
    ]);
    expect(await offered(s.a.users.district_admin)).toEqual([
      'district_admin',
      'town_admin',
      'unit_admin',
      'village_admin',
      'inspector',
      'member',
    ]);
    // A town holds no urban unit, so a town admin makes no unit admin.
    expect(await offered(s.a.users.town_admin)).toEqual([
      'town_admin',
      'village_admin',
      'inspector',
      'member',
    ]);
    // Side B: tests above end the sessions of some side A users.
    for (const role of ['inspector', 'unit_admin', 'village_admin', 'member'] as const) {
      expect(await offered(s.b.users[role])).toEqual([]);
    }
  });
});
