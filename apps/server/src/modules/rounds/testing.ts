// Helpers for the tests of the round, intention and board modules (not used by the app).
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '@pairing/shared';
import type { TestEnv } from '../../../test/harness.ts';
import { createUser } from '../../../test/fixtures.ts';
import { sessions } from '../auth/schema.ts';
import { insertOrg, type NewOrg } from '../orgs/tree.ts';
import { authSettings } from '../auth/settings.ts';

/**
 * A user with a session written straight into the table: the login route is rate-limited to 30
 * a minute, and race tests need dozens of signed-in users.
 */
export async function signedInUser(env: TestEnv, username: string, role: Role, orgId: number) {
  const user = await createUser(env, { username, role, orgId });
  const token = randomBytes(32).toString('base64url');
  const now = env.clock.now();
  await env.dbh.db.insert(sessions).values({
    tokenHash: createHash('sha256').update(token).digest('hex'),
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
  });
  return { id: user.id, orgId, cookie: `${authSettings.cookieName}=${token}` };
}

export const addOrg = (env: TestEnv, input: NewOrg) => insertOrg(env.dbh.db, input);

/** Create a round through the API as the given city admin and move it to `intentions_open`. */
export async function openRound(
  env: TestEnv,
  cookie: string,
  fields: Record<string, unknown> = {},
  open = true,
) {
  const res = await env.app.inject({
    method: 'POST',
    url: '/api/rounds',
    headers: { cookie },
    payload: {
      name: '2026年城乡党组织结对帮扶',
      periodStart: '2026-03-01',
      periodEnd: '2029-07-31',
      ...fields,
    },
  });
  if (res.statusCode !== 201) throw new Error(`create round: ${res.statusCode} ${res.body}`);
  const id = res.json().round.id as number;
  if (open) {
    const moved = await env.app.inject({
      method: 'POST',
      url: `/api/rounds/${id}/transitions`,
      headers: { cookie },
      payload: { to: 'intentions_open' },
    });
    if (moved.statusCode !== 200) throw new Error(`open round: ${moved.statusCode} ${moved.body}`);
  }
  return id;
}

let keySeq = 0;
/** POST an intention with a fresh idempotency key (or the given one). */
export function submit(
  env: TestEnv,
  cookie: string,
  roundId: number,
  body: Record<string, unknown>,
  key = `k-${process.pid}-${++keySeq}-${randomBytes(4).toString('hex')}`,
) {
  return env.app.inject({
    method: 'POST',
    url: `/api/rounds/${roundId}/intentions`,
    headers: { cookie, 'idempotency-key': key },
    payload: body,
  });
}

/**
 * Mark every draft agreement of the round as signed by both sides (the shortcut renewal tests
 * take for the signing phase: only signed pairs may renew, R-ROUND-RENEW).
 */
export async function signAllDrafts(env: TestEnv, roundId: number) {
  await env.dbh.query(
    `update agreements set status = 'signed', signed_at = now(), urban_signed_at = now(),
      rural_signed_at = now() where round_id = $1 and status = 'draft'`,
    [roundId],
  );
}
