// Issue 16 findings 1, 3, 6 and 9 (sign-in): each test performs the attack the probe made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createUser, testPassword } from '../../../test/fixtures.ts';
import { insertOrg } from '../orgs/tree.ts';
import { purgeExpired } from './service.ts';
import { authSettings } from './settings.ts';

let env: TestEnv;
let orgId: number;

beforeAll(async () => {
  env = await createTestEnv();
  orgId = (
    await insertOrg(env.dbh.db, { kind: 'city', code: '3101', name: '上海市', parentId: null })
  ).id;
});
afterAll(() => env.close());

const signIn = (username: string, password: string, from = '203.0.113.1', headers = {}) =>
  env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    headers,
    payload: { username, password },
  });

const cookieOf = (res: Awaited<ReturnType<typeof signIn>>) =>
  String(res.headers['set-cookie']).split(';')[0]!;

const me = (cookie: string) =>
  env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });

describe('sign-in under attack (issue 16)', () => {
  it('ignores a forged X-Forwarded-For: changing it neither resets the count nor lands in the audit', async () => {
    await createUser(env, { username: 'xff', role: 'city_admin', orgId });
    for (let i = 0; i < authSettings.maxFailedAttempts; i += 1) {
      await signIn('xff', 'wrong', '198.51.100.7', { 'x-forwarded-for': `10.9.9.${i}` });
    }
    const right = await signIn('xff', testPassword, '198.51.100.7', {
      'x-forwarded-for': '10.9.9.99',
    });
    expect(right.statusCode).toBe(423);
    const { rows } = await env.dbh.query<{ after: { source: string } }>(
      `select after from audit_log where action = 'user.locked' and entity_id = (select id::text from users where username = 'xff')`,
    );
    expect(rows.map((r) => r.after.source)).toEqual(['198.51.100.7']);
  });

  it('pauses the guessing source only: the rightful user signs in from elsewhere', async () => {
    await createUser(env, { username: 'victim', role: 'city_admin', orgId });
    for (let i = 0; i < authSettings.maxFailedAttempts; i += 1) {
      await signIn('victim', `guess${i}`, '198.51.100.66');
    }
    expect((await signIn('victim', testPassword, '198.51.100.66')).statusCode).toBe(423);
    const rightful = await signIn('victim', testPassword, '203.0.113.50');
    expect(rightful.statusCode).toBe(200);
    expect((await me(cookieOf(rightful))).statusCode).toBe(200);
  });

  it('checks exactly 5 passwords in a burst of 25 concurrent guesses (the per-address rate limit is 30 a minute)', async () => {
    await createUser(env, { username: 'burst', role: 'inspector', orgId });
    const answers = await Promise.all(
      Array.from({ length: 25 }, (_, i) => signIn('burst', `guess-${i % 10}`, '198.51.100.9')),
    );
    // Four checked and wrong (401), the fifth checked and wrong pauses (423), the rest refused
    // before any check (423): a sixth check would have answered a sixth 401 or 423 after it.
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(authSettings.maxFailedAttempts - 1);
    expect(statuses.filter((s) => s === 423)).toHaveLength(25 - authSettings.maxFailedAttempts + 1);
  });

  it('pauses a source longer each time it starts guessing again', async () => {
    await createUser(env, { username: 'again', role: 'inspector', orgId });
    const round = async () => {
      for (let i = 0; i < authSettings.maxFailedAttempts; i += 1) {
        await signIn('again', 'wrong', '198.51.100.10');
      }
    };
    await round();
    env.clock.advance(authSettings.lockoutMs + 1_000);
    await round();
    env.clock.advance(authSettings.lockoutMs + 1_000);
    // The second pause is twice the first: still paused after the first's length.
    expect((await signIn('again', testPassword, '198.51.100.10')).statusCode).toBe(423);
    env.clock.advance(authSettings.lockoutMs);
    expect((await signIn('again', testPassword, '198.51.100.10')).statusCode).toBe(200);
  });

  it('answers an unknown name, a wrong password and a disabled account alike', async () => {
    await createUser(env, { username: 'known', role: 'inspector', orgId });
    await createUser(env, { username: 'off', role: 'inspector', orgId, disabled: true });
    const answers = [];
    for (const username of ['nobody-here', 'known', 'off']) {
      const res = await signIn(username, 'wrong-password', '198.51.100.20');
      answers.push([res.statusCode, res.json()]);
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    // An unknown name is paused like a known one, so pausing does not tell them apart either.
    for (let i = 0; i < authSettings.maxFailedAttempts; i += 1) {
      await signIn('nobody-at-all', 'wrong', '198.51.100.21');
      await signIn('known', 'wrong', '198.51.100.21');
    }
    const unknown = await signIn('nobody-at-all', 'wrong', '198.51.100.21');
    const known = await signIn('known', 'wrong', '198.51.100.21');
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([
      known.statusCode,
      known.json().error.code,
    ]);
  });

  it('ends the other sessions when the password changes, and keeps the current one', async () => {
    await createUser(env, { username: 'changer', role: 'inspector', orgId });
    const phone = cookieOf(await signIn('changer', testPassword, '203.0.113.2'));
    const desk = cookieOf(await signIn('changer', testPassword, '203.0.113.3'));
    const changed = await env.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: desk },
      payload: { oldPassword: testPassword, newPassword: 'Harbour-Lantern-42' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await me(desk)).statusCode).toBe(200);
    expect((await me(phone)).statusCode).toBe(401);
  });

  it('forgets a source’s count after a quiet day, but not while it is paused', async () => {
    const guess = (username: string, from: string) =>
      Array.from({ length: authSettings.maxFailedAttempts }).reduce<Promise<unknown>>(
        (previous) => previous.then(() => signIn(username, 'wrong', from)),
        Promise.resolve(),
      );
    await signIn('random-name-1', 'x', '198.51.100.77');
    // Paused for 15 minutes, then quiet.
    await guess('quiet-after-pause', '198.51.100.78');
    // Paused for three days (a pause that long comes after several doublings).
    await guess('long-pause', '198.51.100.79');
    await env.dbh.query(
      `update login_throttle set blocked_until = blocked_until + interval '3 days'
       where username = 'long-pause'`,
    );
    env.clock.advance(2 * 24 * 60 * 60_000);
    await purgeExpired(env.dbh.db, env.clock);
    const { rows } = await env.dbh.query<{ username: string }>(
      `select username from login_throttle
       where username in ('random-name-1', 'quiet-after-pause', 'long-pause')`,
    );
    expect(rows.map((r) => r.username)).toEqual(['long-pause']);
  });

  it('refuses the weak passwords the probe set, and a common one of three classes', async () => {
    await createUser(env, { username: 'weakling', role: 'inspector', orgId });
    const cookie = cookieOf(await signIn('weakling', testPassword, '203.0.113.5'));
    for (const newPassword of ['password1', 'aaaaaaa1', 'Password123', 'Qwerty123456']) {
      const res = await env.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: { cookie },
        payload: { oldPassword: testPassword, newPassword },
      });
      expect([newPassword, res.statusCode]).toEqual([newPassword, 422]);
      expect(res.json().error.fields.newPassword).toBeTruthy();
    }
  });

  it('keeps at most the cap of sessions per user, ending the oldest', async () => {
    await createUser(env, { username: 'flood', role: 'inspector', orgId });
    const cookies = [];
    for (let i = 0; i < authSettings.maxSessions + 2; i += 1) {
      cookies.push(cookieOf(await signIn('flood', testPassword, '203.0.113.4')));
      env.clock.advance(1_000);
    }
    const { rows } = await env.dbh.query<{ n: number }>(
      `select count(*)::int as n from sessions where user_id = (select id from users where username = 'flood')`,
    );
    expect(rows[0]!.n).toBe(authSettings.maxSessions);
    expect((await me(cookies[0]!)).statusCode).toBe(401);
    expect((await me(cookies[1]!)).statusCode).toBe(401);
    expect((await me(cookies.at(-1)!)).statusCode).toBe(200);
  });
});
