// Issue 16 items 2, 8 and 9: a page of another site, headers, answers before sign-in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../test/harness.ts';
import { createUser, login } from '../../test/fixtures.ts';
import { insertOrg } from '../modules/orgs/tree.ts';

let env: TestEnv;
let cookie: string;
let victimId: number;

beforeAll(async () => {
  env = await createTestEnv();
  const orgId = (
    await insertOrg(env.dbh.db, { kind: 'city', code: '3101', name: '上海市', parentId: null })
  ).id;
  await createUser(env, { username: 'boss', role: 'city_admin', orgId });
  victimId = (await createUser(env, { username: 'victim', role: 'inspector', orgId })).id;
  cookie = await login(env, 'boss');
});
afterAll(() => env.close());

const passwordHash = async () =>
  (
    await env.dbh.query<{ h: string }>(
      `select password_hash as h from users where id = ${victimId}`,
    )
  ).rows[0]!.h;

describe('writes from another site (issue 16 item 2)', () => {
  it('refuses the probe: a text/plain POST with a foreign Origin to reset a password', async () => {
    const before = await passwordHash();
    const res = await env.rawInject({
      method: 'POST',
      url: `/api/users/${victimId}/reset-password`,
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'text/plain' },
      payload: 'x',
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('cross_site_request');
    expect(await passwordHash()).toBe(before);
  });

  it('refuses a browser that names another site, whatever the body', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/users/${victimId}/reset-password`,
      headers: { cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
      payload: {},
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses a bodyless or form write without JSON or the client header, even from no origin', async () => {
    const before = await passwordHash();
    for (const headers of [
      { cookie },
      { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      { cookie, 'content-type': 'text/plain' },
    ]) {
      const res = await env.rawInject({
        method: 'POST',
        url: `/api/users/${victimId}/reset-password`,
        headers,
        ...(headers['content-type'] ? { payload: 'a=b' } : {}),
      });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('client_header_required');
    }
    expect(await passwordHash()).toBe(before);
  });

  it('accepts the platform’s own page: same origin and the client header', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/users/${victimId}/reset-password`,
      headers: {
        cookie,
        origin: 'http://localhost:80',
        host: 'localhost:80',
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('headers and answers before sign-in (issue 16 items 8, 9)', () => {
  it('sends a Content-Security-Policy and no-store on signed-in answers', async () => {
    const res = await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('answers 401 to an anonymous write before looking at its body', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/users', payload: {} });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthorized');
  });

  it('gives a rate-limited request a code of its own', async () => {
    let last;
    for (let i = 0; i < 31; i += 1) {
      last = await env.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '192.0.2.77',
        payload: { username: `nobody${i}`, password: 'x' },
      });
    }
    expect(last!.statusCode).toBe(429);
    expect(last!.json().error.code).toBe('rate_limited');
  });
});
