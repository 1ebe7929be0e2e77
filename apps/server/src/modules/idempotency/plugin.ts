import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { FastifyReply, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.ts';
import { AppError, invalid, type FieldErrors } from '../../lib/errors.ts';
import { requireScope } from '../../lib/scope.ts';
import { idempotencyKeys } from './schema.ts';

/** The key of one idempotent request, handed to its handler as `request.idempotency`. */
export type IdempotencyKey = {
  userId: number;
  key: string;
  fingerprint: string;
  /** Set when the handler stored its answer inside its own transaction (`recordAnswer…`). */
  recorded: boolean;
};

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set from the route's contract (`idempotent: true`); see `idempotencyPlugin`. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotency: IdempotencyKey | null;
  }
}

const keyPattern = /^[A-Za-z0-9._:-]{8,100}$/;
/** Refusals that are answers and so are replayed; 401/403 and server errors are not answers. */
const replayedRefusals = [404, 409, 422];

type Stored = { status: number; body: unknown };
type StoredRefusal = { error: { code: string; message: string; fields: FieldErrors } };

const fingerprintOf = (value: unknown) =>
  createHash('sha256').update(JSON.stringify(value)).digest('base64url');

async function stored(db: Db, k: IdempotencyKey): Promise<Stored | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, k.userId), eq(idempotencyKeys.key, k.key)));
  if (!row) return null;
  if (row.fingerprint !== k.fingerprint)
    throw invalid('该幂等键已用于另一份申请，请为新的申请生成新的幂等键', {
      'Idempotency-Key': '已用于另一份申请',
    });
  return { status: row.status, body: row.body };
}

/**
 * Bind the key to content the fingerprint cannot see (an upload's bytes, not in the parsed body),
 * before the handler writes or fails: the same key with another file is then refused as another
 * request, and the same file replays.
 */
export function bindContent(k: IdempotencyKey, content: string) {
  k.fingerprint = fingerprintOf([k.fingerprint, content]);
}

/**
 * Whether the key already has an answer (422 if it was for another request): a command whose
 * repeat would answer differently (an import finding its own rows registered) asks first.
 */
export const isAnswered = async (db: Db, k: IdempotencyKey) => (await stored(db, k)) !== null;

/**
 * Store an answer for the key, inside the create's transaction when `db` is one. False when an
 * answer for the key got there first.
 */
export async function recordAnswer(db: Db, k: IdempotencyKey, status: number, body: unknown) {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ userId: k.userId, key: k.key, fingerprint: k.fingerprint, status, body })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  k.recorded = true;
  return rows.length > 0;
}

/**
 * The same insert as SQL text, for a create that is one prepared statement (the intention
 * submit): `values` are the statement's expressions for the user id, key, fingerprint and the
 * answer's JSON; `from` the CTE the answer comes from. No ON CONFLICT: a concurrent first answer
 * makes the statement fail, and the plugin then replays that answer.
 */
export const recordAnswerText = (values: {
  userId: string;
  key: string;
  fingerprint: string;
  status: number;
  body: string;
  from: string;
}) => `insert into idempotency_keys (user_id, key, fingerprint, status, body)
    select ${values.userId}, ${values.key}, ${values.fingerprint}, ${values.status}, ${values.body}
    from ${values.from} where ${values.key} is not null`;

function replay(reply: FastifyReply, answer: Stored) {
  reply.header('idempotency-replayed', 'true');
  if (answer.status >= 400) {
    const { error } = answer.body as StoredRefusal;
    throw new AppError(answer.status, error.code, error.message, error.fields);
  }
  return reply.status(answer.status).send(answer.body);
}

/**
 * Idempotency as a route option (DESIGN.md "Data safety"). A route whose contract is
 * `idempotent` needs an `Idempotency-Key` header (8–100 of A–Z a–z 0–9 . _ : -) and answers once
 * per user and key: a repeat replays the first answer, success or refusal (404/409/422), with the
 * header `idempotency-replayed: true`; the same key with another request is refused (422).
 *
 * The happy path costs one insert, made by the handler inside its own transaction
 * (`recordAnswer`, `recordAnswerText`) or else by the plugin after it. Only a failure looks the key
 * up, so a repeat of a success whose re-run now fails (village since full, duplicate) still
 * answers the original success. This module is the only writer of `idempotency_keys`.
 */
export const idempotencyPlugin = fp<{ db: Db }>(async (app, { db }) => {
  app.decorateRequest('idempotency', null);
  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.config?.idempotent) return;
    const handler = route.handler;
    route.handler = async function (request, reply) {
      const scope = requireScope(request);
      const key = request.headers['idempotency-key'];
      if (typeof key !== 'string' || !keyPattern.test(key))
        throw invalid('请求缺少有效的幂等键', {
          'Idempotency-Key': '须为 8–100 位字母、数字或 . _ : -',
        });
      const k: IdempotencyKey = {
        userId: scope.userId,
        key,
        fingerprint: fingerprintOf([route.url, request.params, request.body]),
        recorded: false,
      };
      request.idempotency = k;
      try {
        const body = await handler.call(this, request, reply);
        if (!k.recorded && reply.statusCode < 300)
          await recordAnswer(db, k, reply.statusCode, body);
        return body;
      } catch (err) {
        const previous = await stored(db, k);
        if (previous) return replay(reply, previous);
        if (err instanceof AppError && replayedRefusals.includes(err.status)) {
          const body = {
            error: { code: err.code, message: err.message, fields: err.fields ?? {} },
          };
          if (await recordAnswer(db, k, err.status, body)) throw err;
          const first = await stored(db, k);
          if (first) return replay(reply, first);
        }
        throw err;
      }
    };
  });
});
