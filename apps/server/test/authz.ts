import { isPlatformAdmin, roles, type Role } from '@pairing/shared';
import { expect } from 'vitest';
import type { TestEnv } from './harness.ts';
import type { Scenario, ScenarioUser } from './scenario.ts';

export type Caller = Role | 'anonymous';
export const callers: readonly Caller[] = [...roles, 'anonymous'];

export type Status = 200 | 201 | 202 | 204 | 401 | 403 | 404 | 409 | 422;
export type Expectation = Record<Caller, Status>;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export type AuthzRoute = {
  /** Row label in the failure diff; defaults to "METHOD url". */
  name?: string;
  method: Method;
  url: string;
  /** A function gets the caller, so each role's write can use its own values (e.g. usernames). */
  body?: unknown | ((caller: Caller) => unknown);
  /** Extra request headers (an upload's content type, an idempotency key), per caller if need be. */
  headers?: Record<string, string> | ((caller: Caller) => Record<string, string>);
  expect: Expectation;
};

/**
 * Fill an expectation: the listed roles get their status, every other role `otherwise`
 * (403 by default: the role has no right to the route), anonymous 401. An `otherwise` of 404
 * says the others hold the right but not the record; the platform administrators hold no
 * business right (三员分立), so unless listed they get 403 then.
 */
export function only(
  statuses: Partial<Record<Role, Status>>,
  otherwise: Status = 403,
): Expectation {
  const filled = { anonymous: 401 } as Expectation;
  for (const role of roles) {
    const fallback = otherwise === 404 && isPlatformAdmin(role) ? 403 : otherwise;
    filled[role] = statuses[role] ?? fallback;
  }
  return filled;
}

/** The same expectation for every role (anonymous still 401). */
export const every = (status: Status): Expectation => only({}, status);

/** A public route's answer: the same for every caller, signed in or not. */
export const everyone = (status: Status): Expectation =>
  Object.fromEntries(callers.map((caller) => [caller, status])) as Expectation;

/**
 * Call every route as every role (side A's user of that role) and anonymously, in table order,
 * and compare all statuses at once, so one failure shows the whole matrix diff.
 */
export async function checkAuthz(env: TestEnv, scenario: Scenario, routes: AuthzRoute[]) {
  const actual: Record<string, Partial<Expectation>> = {};
  const expected: Record<string, Partial<Expectation>> = {};
  for (const route of routes) {
    let key = route.name ?? `${route.method} ${route.url}`;
    while (key in actual) key += ' (again)';
    actual[key] = {};
    expected[key] = route.expect;
    for (const caller of callers) {
      const user = caller === 'anonymous' ? undefined : scenario.actors[caller];
      const res = await call(env, route, caller, user);
      actual[key][caller] = res.statusCode as Status;
    }
  }
  expect(actual).toEqual(expected);
}

function call(env: TestEnv, route: AuthzRoute, caller: Caller, user?: ScenarioUser) {
  const payload = typeof route.body === 'function' ? route.body(caller) : route.body;
  const extra = typeof route.headers === 'function' ? route.headers(caller) : route.headers;
  return env.app.inject({
    method: route.method,
    url: route.url,
    headers: { ...extra, ...(user ? { cookie: user.cookie } : {}) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}
