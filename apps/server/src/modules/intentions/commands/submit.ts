import type { RoundState } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { notFound } from '../../../lib/errors.ts';
import { notifyBoardSoon } from '../../../lib/notify.ts';
import { authorize } from '../../../lib/policy.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import type { Scope } from '../../../lib/scope.ts';
import type { IdempotencyKey } from '../../idempotency/plugin.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { duplicateIntention, unitAtCapacity, villageFull } from '../errors.ts';
import { can, submitRefusal } from '../policy.ts';
import type { IntentionRow } from '../present.ts';
import { runSubmitStatement } from './submit-statement.ts';

type Context = {
  state: RoundState;
  intentionDeadline: string;
  villageCap: number;
  ruralId: number | null;
  urbanId: number | null;
  capacity: number;
};

export type SubmitInput = { roundId: number; ruralOrgId: number; urbanOrgId?: number };

/**
 * Submit an intention (意向). A pending intention already holds a place: the village's places and
 * the unit's capacity are taken at submission and given back on decline or withdrawal, so the
 * rural side never accepts more units than the cap, and a race for the last places is decided
 * here by the row locks of the slot and load upserts (places.ts).
 *
 * This is the hot path of the intention rush (bench/rush.ts): the context, the place-taking, the
 * insert, its audit row and the idempotency record are one prepared statement
 * (submit-statement.ts), which PostgreSQL runs atomically as its own transaction — one round trip
 * after the session lookup. The refusals are decided afterwards from the context the statement
 * returns. The board is told after the commit, coalesced (`notifyBoardSoon`).
 */
export async function submitIntention(
  db: Db,
  scope: Scope,
  clock: Clock,
  input: SubmitInput,
  idempotency: IdempotencyKey | null = null,
) {
  authorize(can, scope, 'submit');
  const now = clock.now();
  let result: {
    context: Context | null;
    slot: number;
    load: number;
    intention: IntentionRow | null;
  };
  try {
    result = await runSubmitStatement<typeof result>(db, {
      scope,
      roundId: input.roundId,
      ruralOrgId: input.ruralOrgId,
      urbanOrgId: input.urbanOrgId ?? scope.orgId,
      today: chinaDay(now),
      now,
      key: idempotency?.key ?? null,
      fingerprint: idempotency?.fingerprint ?? null,
    });
  } catch (err) {
    if (
      isUniqueViolation(err) &&
      /intentions_live_key/.test(String((err as { cause?: unknown }).cause ?? err))
    )
      throw duplicateIntention();
    throw err;
  }
  const c = result.context;
  if (!c) throw notFound('结对轮次不存在');
  if (c.ruralId == null) throw notFound('结对对象不存在');
  if (c.urbanId == null) throw notFound('单位不存在');
  const refusal = submitRefusal({
    roundState: c.state,
    intentionDeadline: c.intentionDeadline,
    now,
    capacity: c.capacity,
  });
  if (refusal) throw refusal;
  if (!result.slot) throw villageFull(c.villageCap);
  if (!result.load || !result.intention) throw unitAtCapacity(c.capacity);
  if (idempotency) idempotency.recorded = true;
  notifyBoardSoon(db, input.roundId);
  return result.intention;
}
