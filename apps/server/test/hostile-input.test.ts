// Issue 16 item 5: a NUL or an out-of-range number in any parameter of any route answers 4xx in
// the shared shape, never 500. Every contract the web calls is driven, signed in as the city admin.
import * as shared from '@pairing/shared';
import type { RouteContract } from '@pairing/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertOrg } from '../src/modules/orgs/tree.ts';
import { createUser, login } from './fixtures.ts';
import { createTestEnv, type TestEnv } from './harness.ts';

const isContract = (value: unknown): value is RouteContract =>
  typeof value === 'object' && value !== null && 'method' in value && 'path' in value;

// Signing out would end the session the other calls run in.
const contracts: RouteContract[] = Object.entries(shared)
  .filter(([name]) => name.endsWith('Api'))
  .flatMap(([, api]) => Object.values(api as Record<string, unknown>).filter(isContract))
  .filter((contract) => contract.path !== '/auth/logout');

let env: TestEnv;
let cookie: string;
beforeAll(async () => {
  env = await createTestEnv();
  const orgId = (
    await insertOrg(env.dbh.db, { kind: 'city', code: '3101', name: '上海市', parentId: null })
  ).id;
  await createUser(env, { username: 'fuzz', role: 'city_admin', orgId });
  cookie = await login(env, 'fuzz');
});
afterAll(() => env.close());

const hostile = ['a\u0000b', '2147483648', '99999999999999999999999', '-1', '1e400', '\u202e'];

async function send(contract: RouteContract, params: string, query: string, body?: unknown) {
  const url = `/api${contract.path.replace(/:[A-Za-z]+/g, params)}${query}`;
  const res = await env.app.inject({
    method: contract.method,
    url,
    headers: { cookie },
    ...(body === undefined ? {} : { payload: body as object }),
  });
  return { url, status: res.statusCode, body: res.body };
}

describe('hostile input on every route (issue 16 item 5)', () => {
  it(`finds ${'>'} 100 contracts to drive`, () => {
    expect(contracts.length).toBeGreaterThan(100);
  });

  it('answers a hostile path parameter or query value with 4xx, never 500', async () => {
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }))
        .statusCode,
    ).toBe(200);
    const failures: string[] = [];
    for (const contract of contracts) {
      const keys = contract.query ? Object.keys(contract.query.shape) : [];
      const tries = [
        ...hostile.map((value) => send(contract, encodeURIComponent(value), '')),
        ...keys.flatMap((key) =>
          hostile.map((value) => send(contract, '1', `?${key}=${encodeURIComponent(value)}`)),
        ),
      ];
      for (const answer of await Promise.all(tries)) {
        if (answer.status >= 500 || (!answer.body.startsWith('{"error"') && answer.status >= 400))
          failures.push(
            `${contract.method} ${answer.url} → ${answer.status} ${answer.body.slice(0, 80)}`,
          );
      }
    }
    expect(failures).toEqual([]);
    // Still signed in: every answer above was the route's, not a 401.
    expect(
      (await env.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }))
        .statusCode,
    ).toBe(200);
  });

  it('refuses a NUL anywhere in a JSON body with 422 before the route runs', async () => {
    const failures: string[] = [];
    const registered = (c: RouteContract) =>
      env.app.hasRoute({ method: c.method, url: `/api${c.path}` });
    for (const contract of contracts.filter((c) => c.body && registered(c))) {
      const answer = await send(contract, '1', '', {
        name: 'a\u0000b',
        nested: { q: ['x\u0000'] },
      });
      if (answer.status !== 422 && answer.status !== 415)
        failures.push(`${contract.method} ${answer.url} → ${answer.status}`);
    }
    expect(failures).toEqual([]);
  });
});
