// For the mobile members' tests: an urban community to receive members, members registered and
// sent through the API, and calls with an idempotency key.
import { randomBytes } from 'node:crypto';
import { roles, type Role } from '@pairing/shared';
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import type { TestEnv } from '../../../test/harness.ts';
import { createUser, login } from '../../../test/fixtures.ts';
import type { Scenario, ScenarioOrg, ScenarioUser } from '../../../test/scenario.ts';
import { orgs } from '../orgs/schema.ts';
import { insertOrg } from '../orgs/tree.ts';
import { insertPerson } from '../people/test-support.ts';

export const newKey = () => `mobile-${randomBytes(8).toString('hex')}`;

/** An API call as `cookie` (none: anonymous) with a fresh idempotency key. */
export function mobileCall(
  env: TestEnv,
  cookie: string | undefined,
  method: 'GET' | 'POST',
  url: string,
  body?: unknown,
  key = newKey(),
) {
  return env.app.inject({
    method,
    url: `/api${url}`,
    headers: { ...(cookie ? { cookie } : {}), 'idempotency-key': key },
    ...(body === undefined ? {} : { payload: body as Record<string, unknown> }),
  });
}

/** A 社区居委会 under `town` (the template's first, or a new one) and a village_admin for it. */
export async function communityWithAdmin(env: TestEnv, town: ScenarioOrg, username: string) {
  const [found] = await env.dbh.db
    .select()
    .from(orgs)
    .where(and(eq(orgs.parentId, town.id), eq(orgs.kind, 'community')))
    .limit(1);
  const community =
    found ??
    (await insertOrg(env.dbh.db, { kind: 'community', name: '测试社区居委会', parentId: town.id }));
  const user = await createUser(env, { username, role: 'village_admin', orgId: community.id });
  const admin: ScenarioUser = {
    id: user.id,
    username,
    role: 'village_admin',
    orgId: community.id,
    cookie: await login(env, username),
  };
  return { community, admin };
}

let certificates = 0;
export const nextCertificate = () => `LD-${Date.now() % 100000}-${(certificates += 1)}`;

/** A Party member of `orgId` registered as mobile by `cookie`; returns the member id. */
export async function registered(env: TestEnv, cookie: string, orgId: number, name?: string) {
  const personId = await insertPerson(env, { orgId, name });
  const res = await mobileCall(env, cookie, 'POST', '/mobile', {
    personId,
    certificateNumber: nextCertificate(),
    reason: 'work',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().member.id as number;
}

export const sendBody = (inflowOrgId: number, leaveDate = '2025-03-01') => ({
  inflowOrgId,
  destination: '上海市青浦区',
  leaveDate,
  trainedOn: leaveDate,
  agreementSignedOn: leaveDate,
});

/** Registered and sent to `inflowOrgId`; returns the member id. */
export async function sent(
  env: TestEnv,
  cookie: string,
  orgId: number,
  inflowOrgId: number,
  leaveDate?: string,
) {
  const id = await registered(env, cookie, orgId);
  const res = await mobileCall(
    env,
    cookie,
    'POST',
    `/mobile/${id}/send`,
    sendBody(inflowOrgId, leaveDate),
  );
  expect(res.statusCode, res.body).toBe(200);
  return id;
}

/** One fresh object per role, made by `make` (so each caller's write meets the same state). */
export async function perRole<T>(make: (role: Role) => Promise<T>) {
  const made = {} as Record<Role, T>;
  for (const role of roles) made[role] = await make(role);
  return made;
}

export type Caller = Role | 'anonymous';
export type MatrixRow = {
  name: string;
  method: 'GET' | 'POST';
  url: (caller: Caller) => string;
  body?: (caller: Caller) => unknown;
  expect: Record<Caller, number>;
};

/** Every row as every actor and anonymously; all statuses compared at once. */
export async function checkMatrix(
  env: TestEnv,
  actors: Record<Role, ScenarioUser>,
  rows: MatrixRow[],
) {
  const actual: Record<string, Record<string, number>> = {};
  const expected: Record<string, Record<string, number>> = {};
  for (const row of rows) {
    actual[row.name] = {};
    expected[row.name] = row.expect;
    for (const caller of [...roles, 'anonymous'] as Caller[]) {
      const cookie = caller === 'anonymous' ? undefined : actors[caller].cookie;
      const res = await mobileCall(env, cookie, row.method, row.url(caller), row.body?.(caller));
      actual[row.name][caller] = res.statusCode;
    }
  }
  expect(actual).toEqual(expected);
}

/** The scenario's side A actors, or side B's with the community's admin as village_admin. */
export const inflowActors = (s: Scenario, communityAdmin: ScenarioUser) => ({
  ...s.b.users,
  village_admin: communityAdmin,
});
