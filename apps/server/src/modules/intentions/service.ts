import { sql, type SQL } from 'drizzle-orm';
import type {
  DecidedIntention,
  IntentionRecord,
  IntentionSource,
  IntentionState,
  IntentionView,
  RoundState,
} from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { recordAudit } from '../audit/record.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../lib/errors.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { notifyBoardSoon } from '../board/notifier.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { createDraftAgreement } from '../agreements/service.ts';
import { chinaDay, isPast } from '../rounds/dates.ts';
import { getRound } from '../rounds/service.ts';
import { isoTime, isoTimeOrNull, queryRows, type RowTime } from '../../lib/rows.ts';
import {
  deadlinePassed,
  duplicateIntention,
  notAllocated,
  notPending,
  roundNotOpen,
  unitAtCapacity,
  villageFull,
} from './errors.ts';
import { authorize } from './policy.ts';
import { runSubmitStatement } from './submit-statement.ts';
import type { IdempotencyKey } from '../idempotency/plugin.ts';

/**
 * An intention as the statements below return it. Times are PostgreSQL's text (`RowTime`; the
 * submission's come through JSON), so the routes answer them through the presenters below.
 */
export type IntentionRow = {
  id: number;
  roundId: number;
  urbanOrgId: number;
  ruralOrgId: number;
  state: IntentionState;
  source: IntentionSource;
  submittedAt: RowTime;
  decidedAt: RowTime | null;
};

/** An intention with both sides' confirmations (set only on intentions of source 'allocation'). */
export type DecidedRow = IntentionRow & {
  urbanConfirmedAt: RowTime | null;
  ruralConfirmedAt: RowTime | null;
};

/** An intention as its routes answer it: exactly the record's fields, times as ISO strings. */
export const presentIntention = (row: IntentionRow): IntentionRecord => ({
  id: row.id,
  roundId: row.roundId,
  urbanOrgId: row.urbanOrgId,
  ruralOrgId: row.ruralOrgId,
  state: row.state,
  source: row.source,
  submittedAt: isoTime(row.submittedAt),
  decidedAt: isoTimeOrNull(row.decidedAt),
});

export const presentDecided = (row: DecidedRow): DecidedIntention => ({
  ...presentIntention(row),
  urbanConfirmedAt: isoTimeOrNull(row.urbanConfirmedAt),
  ruralConfirmedAt: isoTimeOrNull(row.ruralConfirmedAt),
});

const returning = sql`id::int as "id", round_id::int as "roundId", urban_org_id::int as "urbanOrgId",
  rural_org_id::int as "ruralOrgId", state::text as "state", source::text as "source",
  submitted_at as "submittedAt", decided_at as "decidedAt",
  urban_confirmed_at as "urbanConfirmedAt", rural_confirmed_at as "ruralConfirmedAt"`;

type Context = {
  state: RoundState;
  intentionDeadline: string;
  villageCap: number;
  ruralId: number | null;
  urbanId: number | null;
  capacity: number;
};

export const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

/**
 * Take one of the village's places and one of the unit's capacity. Each upsert locks its row
 * (ON CONFLICT DO UPDATE), and its WHERE is re-checked on the latest row version, so concurrent
 * claims queue on the row and the ones past the cap get no row back. Always slot, then load:
 * one lock order for every writer, so no deadlocks.
 */
export async function takePlaces(
  tx: Db,
  roundId: number,
  ruralOrgId: number,
  urbanOrgId: number,
  villageCap: number,
  capacity: number,
) {
  const slot = await queryRows(
    tx,
    sql`insert into round_slots as s (round_id, rural_org_id, taken) values (${roundId}, ${ruralOrgId}, 1)
      on conflict (round_id, rural_org_id) do update set taken = s.taken + 1 where s.taken < ${villageCap}
      returning taken`,
  );
  if (!slot.length) throw villageFull(villageCap);
  if (capacity < 1) throw unitAtCapacity(capacity);
  const load = await queryRows(
    tx,
    sql`insert into round_unit_loads as l (round_id, urban_org_id, taken) values (${roundId}, ${urbanOrgId}, 1)
      on conflict (round_id, urban_org_id) do update set taken = l.taken + 1 where l.taken < ${capacity}
      returning taken`,
  );
  if (!load.length) throw unitAtCapacity(capacity);
}

export type SubmitInput = { roundId: number; ruralOrgId: number; urbanOrgId?: number };

/**
 * Submit an intention (意向). A pending intention already holds a place: the village's places and
 * the unit's capacity are taken at submission and given back on decline or withdrawal, so the
 * rural side never accepts more units than the cap, and a race for the last places is decided
 * here by the row locks of the slot and load upserts (see `takePlaces`, same SQL).
 *
 * This is the hot path of the intention rush (bench/rush.ts): the context, the place-taking, the
 * insert, its audit row and the idempotency record are one prepared statement (submit-statement.ts), which PostgreSQL runs atomically as its own transaction — one round trip after the
 * session lookup. The refusals are decided afterwards from the context the statement returns. The
 * board is told after the commit, coalesced (`notifyBoardSoon`).
 */
export async function submitIntention(
  db: Db,
  scope: Scope,
  clock: Clock,
  input: SubmitInput,
  idempotency: IdempotencyKey | null = null,
) {
  authorize(scope, 'submit');
  const urbanOrgId = input.urbanOrgId ?? scope.orgId;
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
      urbanOrgId,
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
  if (c.state !== 'intentions_open') throw roundNotOpen(c.state);
  if (isPast(c.intentionDeadline, now)) throw deadlinePassed(c.intentionDeadline);
  if (c.capacity < 1) throw unitAtCapacity(c.capacity);
  if (!result.slot) throw villageFull(c.villageCap);
  if (!result.load || !result.intention) throw unitAtCapacity(c.capacity);
  if (idempotency) idempotency.recorded = true;
  notifyBoardSoon(db, input.roundId);
  return result.intention;
}

type Locked = DecidedRow & {
  ruralPath: string;
  urbanPath: string;
  roundState: RoundState;
  intentionDeadline: string;
};

/** Lock the intention if the caller's side may act on it; otherwise 404. */
async function lockIntention(tx: Db, scope: Scope, id: number, side: 'urban' | 'rural') {
  const sidePath = side === 'urban' ? sql`uo.path` : sql`ro.path`;
  const [row] = await queryRows<Locked>(
    tx,
    sql`select i.id::int as "id", i.round_id::int as "roundId", i.urban_org_id::int as "urbanOrgId",
        i.rural_org_id::int as "ruralOrgId", i.state::text as "state", i.source::text as "source",
        i.submitted_at as "submittedAt", i.decided_at as "decidedAt",
        i.urban_confirmed_at as "urbanConfirmedAt", i.rural_confirmed_at as "ruralConfirmedAt",
        ro.path as "ruralPath", uo.path as "urbanPath", r.state::text as "roundState",
        to_char(r.intention_deadline, 'YYYY-MM-DD') as "intentionDeadline"
      from intentions i
      join orgs ro on ro.id = i.rural_org_id
      join orgs uo on uo.id = i.urban_org_id
      join rounds r on r.id = i.round_id
      where i.id = ${id} and ${sidePath} like ${pathPrefix(scope.path)}
      for update of i`,
  );
  if (!row) throw notFound('意向不存在');
  return row;
}

/** Give the village's place and the unit's capacity back (decline, withdrawal). */
async function releasePlaces(tx: Db, i: IntentionRow) {
  await tx.execute(
    sql`update round_slots set taken = taken - 1 where round_id = ${i.roundId} and rural_org_id = ${i.ruralOrgId}`,
  );
  await tx.execute(
    sql`update round_unit_loads set taken = taken - 1 where round_id = ${i.roundId} and urban_org_id = ${i.urbanOrgId}`,
  );
}

async function setState(
  tx: Db,
  scope: Scope,
  now: Date,
  i: Locked,
  state: IntentionRow['state'],
  also?: SQL,
) {
  const [after] = await queryRows<DecidedRow>(
    tx,
    sql`update intentions set state = ${state}, decided_by = ${scope.userId}, decided_at = ${now}${also ? sql`, ${also}` : sql``}
      where id = ${i.id} returning ${returning}`,
  );
  await recordAudit(tx, scope, {
    action: `intention.${state}`,
    entity: 'intention',
    entityId: i.id,
    scopePath: i.ruralPath,
    before: { state: i.state },
    after: { state },
  });
  await notifyBoard(tx, i.roundId);
  return after;
}

/**
 * R-DEADLINE-INTENT: decisions within the intention window. An allocated pair is published while
 * the round is balancing (after the window), so its two sides may also decide then.
 */
function checkDecisionWindow(i: Locked, now: Date) {
  if (i.source === 'allocation' && i.roundState === 'balancing') return;
  if (i.roundState !== 'intentions_open') throw roundNotOpen(i.roundState);
  if (isPast(i.intentionDeadline, now)) throw deadlinePassed(i.intentionDeadline);
}

/**
 * One side says yes. A voluntary intention is the unit's own choice, so the rural side's yes
 * accepts it; an allocated one awaits both sides (either order), and the second yes accepts it.
 * Acceptance creates the draft agreement in the same transaction.
 */
async function confirmSide(tx: Db, scope: Scope, now: Date, i: Locked, side: 'urban' | 'rural') {
  const allocated = i.source === 'allocation';
  const [own, other] =
    side === 'urban'
      ? [i.urbanConfirmedAt, i.ruralConfirmedAt]
      : [i.ruralConfirmedAt, i.urbanConfirmedAt];
  if (allocated && own) return { intention: withoutPaths(i), agreementId: null };
  const mine = !allocated
    ? undefined
    : side === 'urban'
      ? sql`urban_confirmed_by = ${scope.userId}, urban_confirmed_at = ${now}`
      : sql`rural_confirmed_by = ${scope.userId}, rural_confirmed_at = ${now}`;
  if (!mine || other) {
    const after = await setState(tx, scope, now, i, 'accepted', mine);
    const { agreementId } = await createDraftAgreement(tx, { intentionId: i.id, actor: scope });
    return { intention: after, agreementId };
  }
  const [after] = await queryRows<DecidedRow>(
    tx,
    sql`update intentions set ${mine} where id = ${i.id} returning ${returning}`,
  );
  await recordAudit(tx, scope, {
    action: 'intention.confirmed',
    entity: 'intention',
    entityId: i.id,
    scopePath: i.ruralPath,
    after: { side },
  });
  return { intention: after, agreementId: null };
}

const withoutPaths = ({
  ruralPath: _r,
  urbanPath: _u,
  roundState: _s,
  intentionDeadline: _d,
  ...row
}: Locked): DecidedRow => row;

/** The rural side accepts (R-DEADLINE-INTENT: within the intention window). */
export async function acceptIntention(db: Db, scope: Scope, clock: Clock, id: number) {
  authorize(scope, 'decide');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const i = await lockIntention(tx, scope, id, 'rural');
    if (i.state !== 'pending') throw notPending();
    checkDecisionWindow(i, now);
    return confirmSide(tx, scope, now, i, 'rural');
  });
}

/** The unit side confirms an intention the city's organizational allocation proposed. */
export async function confirmIntention(db: Db, scope: Scope, clock: Clock, id: number) {
  authorize(scope, 'confirm');
  const now = clock.now();
  return db.transaction(async (tx) => {
    const i = await lockIntention(tx, scope, id, 'urban');
    if (i.source !== 'allocation') throw notAllocated();
    if (i.state !== 'pending') throw notPending();
    checkDecisionWindow(i, now);
    return confirmSide(tx, scope, now, i, 'urban');
  });
}

export async function declineIntention(db: Db, scope: Scope, clock: Clock, id: number) {
  authorize(scope, 'decide');
  return db.transaction(async (tx) => {
    const i = await lockIntention(tx, scope, id, 'rural');
    if (i.state !== 'pending') throw notPending();
    await releasePlaces(tx, i);
    return setState(tx, scope, clock.now(), i, 'declined');
  });
}

/**
 * Withdrawal is possible only before the rural side accepted. The unit did not choose an allocated
 * pair, so saying no to one is recorded as a decline, as on the rural side.
 */
export async function withdrawIntention(db: Db, scope: Scope, clock: Clock, id: number) {
  authorize(scope, 'withdraw');
  return db.transaction(async (tx) => {
    const i = await lockIntention(tx, scope, id, 'urban');
    if (i.state !== 'pending') throw notPending();
    await releasePlaces(tx, i);
    return setState(
      tx,
      scope,
      clock.now(),
      i,
      i.source === 'allocation' ? 'declined' : 'withdrawn',
    );
  });
}

export type IntentionListRow = DecidedRow & {
  urbanOrgName: string;
  ruralOrgName: string;
  weakVillage: boolean;
};

export const presentIntentionView = (row: IntentionListRow): IntentionView => ({
  ...presentDecided(row),
  urbanOrgName: row.urbanOrgName,
  ruralOrgName: row.ruralOrgName,
  weakVillage: row.weakVillage,
});

/** Intentions of the round where either side lies inside the caller's scope. */
export async function listIntentions(
  db: Db,
  scope: Scope,
  roundId: number,
  filter: { state?: IntentionRow['state'] },
) {
  authorize(scope, 'read');
  await getRound(db, scope, roundId);
  return queryRows<IntentionListRow>(
    db,
    sql`select i.id::int as "id", i.round_id::int as "roundId", i.urban_org_id::int as "urbanOrgId",
        i.rural_org_id::int as "ruralOrgId", i.state::text as "state", i.source::text as "source",
        i.submitted_at as "submittedAt", i.decided_at as "decidedAt",
        i.urban_confirmed_at as "urbanConfirmedAt", i.rural_confirmed_at as "ruralConfirmedAt",
        uo.name as "urbanOrgName", ro.name as "ruralOrgName", ro.weak_village as "weakVillage"
      from intentions i
      join rounds r on r.id = i.round_id
      join orgs uo on uo.id = i.urban_org_id
      join orgs ro on ro.id = i.rural_org_id
      where i.round_id = ${roundId}
        and (starts_with(r.scope_path, ${scope.path}) or starts_with(${scope.path}, r.scope_path))
        and (uo.path like ${pathPrefix(scope.path)} or ro.path like ${pathPrefix(scope.path)})
        ${filter.state ? sql`and i.state = ${filter.state}` : sql``}
      order by i.id`,
  );
}
