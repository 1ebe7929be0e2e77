// Issue 16 item 12: a user sees his sessions and recent sign-ins and ends a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { createUser, testPassword } from '../../../test/fixtures.ts';
import { insertOrg } from '../orgs/tree.ts';

let env: TestEnv;
let orgId: number;
const phone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1';
const desk =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

beforeAll(async () => {
  env = await createTestEnv();
  orgId = (
    await insertOrg(env.dbh.db, { kind: 'city', code: '3101', name: '上海市', parentId: null })
  ).id;
});
afterAll(() => env.close());

const signIn = async (username: string, password: string, userAgent: string, from: string) => {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: from,
    headers: { 'user-agent': userAgent },
    payload: { username, password },
  });
  return { status: res.statusCode, cookie: String(res.headers['set-cookie']).split(';')[0]! };
};
const get = (url: string, cookie?: string) =>
  env.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

describe('own sessions and sign-ins (issue 16 item 12)', () => {
  it('lists each device with its address, marks the asking one, and ends another', async () => {
    await createUser(env, { username: 'traveller', role: 'inspector', orgId });
    const onPhone = await signIn('traveller', testPassword, phone, '198.51.100.30');
    const onDesk = await signIn('traveller', testPassword, desk, '203.0.113.30');
    const listed = (await get('/api/auth/sessions', onDesk.cookie)).json().items;
    expect(listed).toHaveLength(2);
    const mine = listed.find((s: { current: boolean }) => s.current);
    const other = listed.find((s: { current: boolean }) => !s.current);
    expect(mine).toMatchObject({
      ip: '203.0.113.30',
      device: expect.stringContaining('Chrome 120'),
    });
    expect(other).toMatchObject({ ip: '198.51.100.30', device: expect.stringContaining('iPhone') });
    const ended = await env.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other.id}`,
      headers: { cookie: onDesk.cookie },
    });
    expect(ended.statusCode).toBe(200);
    expect((await get('/api/auth/me', onPhone.cookie)).statusCode).toBe(401);
    expect((await get('/api/auth/me', onDesk.cookie)).statusCode).toBe(200);
  });

  it('does not let one user end or see another user’s session', async () => {
    await createUser(env, { username: 'owner', role: 'inspector', orgId });
    await createUser(env, { username: 'nosy', role: 'city_admin', orgId });
    const owner = await signIn('owner', testPassword, desk, '203.0.113.31');
    const nosy = await signIn('nosy', testPassword, desk, '203.0.113.32');
    const ownerSession = (await get('/api/auth/sessions', owner.cookie)).json().items[0].id;
    const res = await env.app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${ownerSession}`,
      headers: { cookie: nosy.cookie },
    });
    expect(res.statusCode).toBe(404);
    expect((await get('/api/auth/me', owner.cookie)).statusCode).toBe(200);
    const seen = (await get('/api/auth/sessions', nosy.cookie)).json().items;
    expect(seen.map((s: { id: number }) => s.id)).not.toContain(ownerSession);
    expect((await get('/api/auth/sessions')).statusCode).toBe(401);
    expect((await get('/api/auth/sign-ins')).statusCode).toBe(401);
  });

  it('shows recent sign-ins, the failed ones too, newest first', async () => {
    await createUser(env, { username: 'watched', role: 'inspector', orgId });
    await signIn('watched', 'wrong-guess', phone, '192.0.2.40');
    const ok = await signIn('watched', testPassword, desk, '203.0.113.40');
    const items = (await get('/api/auth/sign-ins', ok.cookie)).json().items;
    expect(items.map((i: { ok: boolean; ip: string }) => [i.ok, i.ip])).toEqual([
      [true, '203.0.113.40'],
      [false, '192.0.2.40'],
    ]);
    expect(items[1].device).toContain('iOS');
  });
});
