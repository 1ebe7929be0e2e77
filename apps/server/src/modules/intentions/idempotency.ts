import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { AppError, invalid, type FieldErrors } from '../../lib/errors.ts';
import type { Scope } from '../../lib/scope.ts';
import { idempotencyKeys } from './schema.ts';

export type Answer = { status: number; body: unknown; replayed: boolean };

type StoredRefusal = { error: { code: string; message: string; fields: FieldErrors } };

/** A remembered refusal as the error it was, so that it leaves through the error handler again. */
export function refusalOf(answer: Answer) {
  const { error } = answer.body as StoredRefusal;
  return new AppError(answer.status, error.code, error.message, error.fields);
}

export const fingerprintOf = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

async function stored(
  db: Db,
  scope: Scope,
  key: string,
  fingerprint: string,
): Promise<Answer | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, scope.userId), eq(idempotencyKeys.key, key)));
  if (!row) return null;
  if (row.fingerprint !== fingerprint)
    throw invalid('该幂等键已用于另一份申请，请为新的申请生成新的幂等键', {
      'Idempotency-Key': '已用于另一份申请',
    });
  return { status: row.status, body: row.body, replayed: true };
}

/** Record a refusal; false when another answer for the key got there first. */
async function remember(
  db: Db,
  scope: Scope,
  key: string,
  fingerprint: string,
  status: number,
  body: unknown,
) {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ userId: scope.userId, key, fingerprint, status, body })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  return rows.length > 0;
}

/**
 * Run a submission at most once per (user, key) and replay its first answer (DESIGN.md "Data
 * safety"). The happy path costs one insert inside the submission's own transaction (`run`
 * records the answer with the key); only a failure looks the key up, so a replay of a success whose
 * re-run now fails (village since full, duplicate) still returns the original success.
 * Refusals (404/409/422) are remembered too; 401/403 and server errors are not answers.
 */
export async function once(
  db: Db,
  scope: Scope,
  key: string,
  fingerprint: string,
  status: number,
  run: () => Promise<unknown>,
): Promise<Answer> {
  try {
    return { status, body: await run(), replayed: false };
  } catch (err) {
    const previous = await stored(db, scope, key, fingerprint);
    if (previous) return previous;
    if (err instanceof AppError && [404, 409, 422].includes(err.status)) {
      const body = { error: { code: err.code, message: err.message, fields: err.fields ?? {} } };
      if (await remember(db, scope, key, fingerprint, err.status, body))
        return { status: err.status, body, replayed: false };
      const first = await stored(db, scope, key, fingerprint);
      if (first) return first;
    }
    throw err;
  }
}
