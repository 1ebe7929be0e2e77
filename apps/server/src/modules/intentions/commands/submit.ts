import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { IntentionRecord, RoundState } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { notFound } from '../../../lib/errors.ts';
import { notifyBoardSoon } from '../../../lib/notify.ts';
import { authorize } from '../../../lib/policy.ts';
import { pathPrefix, type Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { auditInsertText } from '../../audit/record.ts';
import { recordAnswerText, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { ruralTargetText } from '../../rounds/rural.ts';
import { roundForWrite } from '../../rounds/sql.ts';
import { duplicateIntention, unitAtCapacity, villageFull } from '../errors.ts';
import { placeUpserts } from '../places.ts';
import { can, submitOpenText, submitRefusal } from '../policy.ts';

/** A timestamptz as the ISO text JavaScript writes (`toISOString`), so a replay answers alike. */
const isoText = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The submission of an intention as one statement (see `submitIntention`). Kept as fixed text
// with numbered parameters so node-postgres can run it as a named prepared statement: parsed and
// planned once per connection instead of once per submission (the rush's hot path). Its pieces
// are the owners' fragments, spliced in as text: the round (rounds), the place-taking upserts
// (places.ts), the audit record (audit) and the idempotency record (idempotency).
//
// r, c: the round (key-share lock: a concurrent transition waits), the rural target and the unit
//    in the caller's scope, and `open` — every check the caller turns into a refusal;
// s, l: one of the village's places and one of the unit's capacity (slot before load);
// i, a, k: the intention, its audit row, the idempotency record.
const places = placeUpserts(String.raw, {
  roundId: 'c.round_id',
  ruralOrgId: 'c."ruralId"',
  urbanOrgId: 'c."urbanId"',
  villageCap: '(select "villageCap" from c)',
  capacity: '(select "capacity" from c)',
  slotFrom: 'from c where c.open',
  loadFrom: 'from c, s',
});

const text = `with r as (
    ${roundForWrite(String.raw, '$3::bigint', '$1::text')}
  ), c as (
    select r.id as round_id, r.state::text as "state",
      to_char(r.intention_deadline, 'YYYY-MM-DD') as "intentionDeadline", r.village_cap as "villageCap",
      ro.id::int as "ruralId", ro.path as rural_path, ro.province_code,
      uo.id::int as "urbanId", coalesce(uo.capacity, 1) as "capacity",
      (ro.id is not null and uo.id is not null and ${submitOpenText({
        roundState: 'r.state',
        intentionDeadline: 'r.intention_deadline',
        today: '$6::date',
        capacity: 'coalesce(uo.capacity, 1)',
      })}) as open
    from r
    left join org_directory ro on ro.id = $4::bigint and ${ruralTargetText('ro')}
      and starts_with(ro.path, r.scope_path)
    left join org_directory uo on uo.id = $5::bigint and uo.kind = 'urban_unit'
      and uo.path like $2::text and starts_with(uo.path, r.scope_path)
  ), s as (
    ${places.slot}
  ), l as (
    ${places.load}
  ), i as (
    insert into intentions (round_id, urban_org_id, rural_org_id, province_code, submitted_by, submitted_at)
    select c.round_id, c."urbanId", c."ruralId", c.province_code, $7::bigint, $9::timestamptz from c, l
    returning id::int as "id", round_id::int as "roundId", urban_org_id::int as "urbanOrgId",
      rural_org_id::int as "ruralOrgId", state::text as "state", source::text as "source",
      submitted_at as "submittedAt", decided_at as "decidedAt"
  ), j as (
    select i.id, to_jsonb(i) || jsonb_build_object('submittedAt', ${isoText('i."submittedAt"')},
        'decidedAt', ${isoText('i."decidedAt"')}) as answer
    from i
  ), a as (
    ${auditInsertText(
      {
        actorId: '$7::bigint',
        actorName: '$8::text',
        action: "'intention.submitted'",
        entity: "'intention'",
        entityId: 'j.id::text',
        scopePath: 'c.rural_path',
        before: 'null::jsonb',
        after: `jsonb_build_object('urbanOrgId', c."urbanId"::bigint, 'ruralOrgId', c."ruralId"::bigint, 'roundId', c.round_id::bigint)`,
        ip: '$10::text',
      },
      'j, c',
    )}
  ), k as (
    ${recordAnswerText({ userId: '$7::bigint', key: '$11::text', fingerprint: '$12::text', status: 201, body: "jsonb_build_object('intention', j.answer)", from: 'j' })}
  )
  select (select to_jsonb(c) from c) as "context",
    (select count(*) from s)::int as "slot", (select count(*) from l)::int as "load",
    (select answer from j) as "intention"`;

type SubmitParams = {
  scope: Scope;
  roundId: number;
  ruralOrgId: number;
  urbanOrgId: number;
  /** Today in China time (YYYY-MM-DD): the deadline day is still open. */
  today: string;
  now: Date;
  key: string | null;
  fingerprint: string | null;
};

/** Run the statement on the handle's driver; one row comes back. */
async function runSubmitStatement<T>(db: Db, p: SubmitParams): Promise<T> {
  const values = [
    p.scope.path,
    pathPrefix(p.scope.path),
    p.roundId,
    p.ruralOrgId,
    p.urbanOrgId,
    p.today,
    p.scope.userId,
    p.scope.username,
    p.now,
    p.scope.ip ?? null,
    p.key,
    p.fingerprint,
  ];
  const client = (db as Db & { $client: unknown }).$client;
  const res =
    client instanceof pg.Pool
      ? await client.query({ name: 'intention_submit_v2', text, values })
      : await (client as Pick<PGlite, 'query'>).query(text, values);
  return res.rows[0] as T;
}

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
 * (below), which PostgreSQL runs atomically as its own transaction — one round trip
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
    intention: IntentionRecord | null;
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
