import { abilitiesOfRole } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createUser, login, testPassword } from '../../../test/fixtures.ts';
import { insertOrg } from '../orgs/tree.ts';
import { authSettings } from './settings.ts';

let env: TestEnv;
let orgId: number;

beforeAll(async () => {
  env = await createTestEnv();
  const org = await insertOrg(env.dbh.db, {
    kind: 'city',
    code: '3101',
    name: '上海市',
    parentId: null,
  });
  orgId = org.id;
});
afterAll(() => env.close());

const me = (cookie?: string) =>
  env.app.inject({ method: 'GET', url: '/api/auth/me', headers: cookie ? { cookie } : {} });

describe('sign-in', () => {
  it('answers 401 without a session and the user after login; logout ends the session', async () => {
    await createUser(env, { username: 'alice', role: 'city_admin', orgId });
    expect((await me()).statusCode).toBe(401);
    const cookie = await login(env, 'alice');
    const res = await me(cookie);
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ username: 'alice', role: 'city_admin', orgId });
    await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it("answers with what the user's role may do in every module", async () => {
    await createUser(env, { username: 'ines', role: 'inspector', orgId });
    const login = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ines', password: testPassword },
    });
    const { user } = login.json();
    expect(user.abilities).toEqual(abilitiesOfRole('inspector'));
    expect(user.abilities).toMatchObject({
      'audit.browse': true,
      'users.list': true,
      'users.create': false,
      'rounds.manage': false,
    });
    expect(user.assignableRoles).toEqual([]);
  });

  it('sets an httpOnly SameSite=Strict cookie', async () => {
    await createUser(env, { username: 'cookie', role: 'inspector', orgId });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'cookie', password: testPassword },
    });
    const cookie = res.cookies.find((c) => c.name === authSettings.cookieName);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
  });

  it('gives the same answer for an unknown user and a wrong password', async () => {
    await createUser(env, { username: 'bob', role: 'inspector', orgId });
    const a = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'x' },
    });
    const b = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bob', password: 'x' },
    });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe(b.json().error.message);
  });

  it('rejects an empty body with field errors', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/auth/login', payload: {} });
    expect(res.statusCode).toBe(422);
    expect(Object.keys(res.json().error.fields)).toEqual(
      expect.arrayContaining(['username', 'password']),
    );
  });

  it('locks the account for 15 minutes after 5 failures, even for the right password', async () => {
    await createUser(env, { username: 'carol', role: 'inspector', orgId });
    for (let i = 0; i < 4; i++) {
      const r = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'carol', password: 'wrong' },
      });
      expect(r.statusCode).toBe(401);
    }
    const fifth = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'carol', password: 'wrong' },
    });
    expect(fifth.statusCode).toBe(423);
    const right = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'carol', password: testPassword },
    });
    expect(right.statusCode).toBe(423);
    env.clock.advance(authSettings.lockoutMs - 60_000);
    expect(
      (
        await env.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'carol', password: testPassword },
        })
      ).statusCode,
    ).toBe(423);
    env.clock.advance(61_000);
    expect(await login(env, 'carol')).toContain(authSettings.cookieName);
  });

  it('counts concurrent wrong guesses without losing any', async () => {
    await createUser(env, { username: 'dave', role: 'inspector', orgId });
    const guesses = Array.from({ length: 5 }, () =>
      env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'dave', password: 'wrong' },
      }),
    );
    await Promise.all(guesses);
    const after = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'dave', password: testPassword },
    });
    expect(after.statusCode).toBe(423);
  });

  it('ends a session after the idle timeout but keeps an active one alive', async () => {
    await createUser(env, { username: 'erin', role: 'inspector', orgId });
    const cookie = await login(env, 'erin');
    env.clock.advance(authSettings.idleTimeoutMs - 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    env.clock.advance(authSettings.idleTimeoutMs - 60_000);
    expect((await me(cookie)).statusCode).toBe(200);
    env.clock.advance(authSettings.idleTimeoutMs + 1);
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('stops a session ended by another process within the session cache time', async () => {
    const cacheMs = authSettings.sessionCacheMs;
    authSettings.sessionCacheMs = 300;
    try {
      await createUser(env, { username: 'hank', role: 'inspector', orgId });
      const cookie = await login(env, 'hank');
      expect((await me(cookie)).statusCode).toBe(200);
      // What a logout or a disabled account leaves behind when another server process did it.
      await env.dbh.query(
        `delete from sessions where user_id = (select id from users where username = 'hank')`,
      );
      await new Promise((r) => setTimeout(r, 400));
      expect((await me(cookie)).statusCode).toBe(401);
    } finally {
      authSettings.sessionCacheMs = cacheMs;
    }
  });

  it('refuses a disabled account', async () => {
    await createUser(env, { username: 'frank', role: 'inspector', orgId, disabled: true });
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'frank', password: testPassword },
    });
    expect(res.statusCode).toBe(403);
  });

  it('makes a new account change its password before anything else', async () => {
    await createUser(env, { username: 'gina', role: 'inspector', orgId, mustChangePassword: true });
    const cookie = await login(env, 'gina');
    expect((await me(cookie)).json().user.mustChangePassword).toBe(true);
    const weak = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { oldPassword: testPassword, newPassword: 'short' },
    });
    expect(weak.statusCode).toBe(422);
    expect(weak.json().error.fields.newPassword).toBeTruthy();
    const ok = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie },
      payload: { oldPassword: testPassword, newPassword: 'Harbour-Lantern-42' },
    });
    expect(ok.statusCode).toBe(200);
    expect((await me(cookie)).json().user.mustChangePassword).toBe(false);
    await expect(login(env, 'gina')).rejects.toThrow();
    expect(await login(env, 'gina', 'Harbour-Lantern-42')).toBeTruthy();
  });
});
