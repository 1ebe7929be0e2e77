import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudits } from '../audit/record.ts';

// What a round's stage change (rounds/transition.ts) finds unfinished among intentions and
// renewals, and how it closes them, so that nothing is left that no one can act on
// (docs/rounds.md "Stage changes"). Published to the rounds module through its port.

export type IntentionWork = {
  /** Voluntary intentions awaiting the rural side (R-DEADLINE-INTENT). */
  pendingIntentions: number;
  /** Allocated pairs neither side has confirmed yet. */
  allocatedAwaitingBoth: number;
  /** Allocated pairs one side has confirmed, awaiting the other. */
  allocatedAwaitingOne: number;
  /** Renewals one side has confirmed, awaiting the other (R-ROUND-RENEW). */
  renewalsAwaiting: number;
  /** Previous-round signed pairs neither side has answered about. */
  renewalsUnanswered: number;
};

export async function unfinishedIntentions(
  db: Db,
  round: { id: number; previousRoundId: number | null },
): Promise<IntentionWork> {
  const [counts] = await queryRows<IntentionWork>(
    db,
    sql`select
        count(*) filter (where source <> 'allocation')::int as "pendingIntentions",
        count(*) filter (where source = 'allocation'
          and urban_confirmed_at is null and rural_confirmed_at is null)::int
          as "allocatedAwaitingBoth",
        count(*) filter (where source = 'allocation'
          and (urban_confirmed_at is null) <> (rural_confirmed_at is null))::int
          as "allocatedAwaitingOne",
        (select count(*)::int from renewals rn where rn.round_id = ${round.id}
          and rn.intention_id is null and rn.declined_at is null
          and (rn.urban_confirmed_at is not null or rn.rural_confirmed_at is not null))
          as "renewalsAwaiting",
        ${round.previousRoundId == null ? sql`0` : unansweredRenewals(round.id, round.previousRoundId)}
          as "renewalsUnanswered"
      from intentions where round_id = ${round.id} and state = 'pending'`,
  );
  return counts;
}

/** The previous round's signed pairs without an answer in this round (listRenewals' pairs). */
const unansweredRenewals = (roundId: number, previousRoundId: number) => sql`(
  select count(*)::int from intentions p
  where p.round_id = ${previousRoundId} and p.state = 'accepted'
    and exists (select 1 from pairing_agreements pa where pa.round_id = p.round_id
      and pa.urban_org_id = p.urban_org_id and pa.rural_org_id = p.rural_org_id)
    and not exists (select 1 from renewals rn
      where rn.round_id = ${roundId} and rn.previous_intention_id = p.id))`;

type Lapsed = { id: number; roundId: number; ruralPath: string };

/**
 * Close the intentions `which` selects (state `lapsed`, the reason shown to both sides), give
 * their places back and record each. The caller holds the round's row lock, so no submission
 * (key-share lock on the round) runs meanwhile; a decision that locked an intention first has
 * committed by the time the update reaches that row, and the update re-checks its state.
 */
async function lapse(
  tx: Db,
  scope: Scope,
  before: 'pending' | 'accepted',
  which: SQL,
  reason: string,
  now: Date,
) {
  const rows = await queryRows<Lapsed>(
    tx,
    sql`with lapsed as (
        update intentions i set state = 'lapsed', closed_reason = ${reason},
          decided_by = ${scope.userId}, decided_at = ${now}
        where i.state = ${before} and ${which}
        returning i.id, i.round_id, i.urban_org_id, i.rural_org_id
      ), slots as (
        update round_slots s set taken = s.taken - n.n
        from (select round_id, rural_org_id, count(*)::int as n from lapsed group by 1, 2) n
        where s.round_id = n.round_id and s.rural_org_id = n.rural_org_id
      ), loads as (
        update round_unit_loads l set taken = l.taken - n.n
        from (select round_id, urban_org_id, count(*)::int as n from lapsed group by 1, 2) n
        where l.round_id = n.round_id and l.urban_org_id = n.urban_org_id
      )
      select x.id::int as "id", x.round_id::int as "roundId", ro.path as "ruralPath"
      from lapsed x join org_directory ro on ro.id = x.rural_org_id
      order by x.id`,
  );
  await recordAudits(
    tx,
    scope,
    rows.map((r) => ({
      action: 'intention.lapsed',
      entity: 'intention',
      entityId: r.id,
      scopePath: r.ruralPath,
      before: { state: before },
      after: { state: 'lapsed', reason },
    })),
  );
  if (rows.length) await notifyBoard(tx, rows[0].roundId);
  return rows.length;
}

/** Pending intentions of the round: `allocation` picks the allocated pairs, else the voluntary. */
export const lapsePendingIntentions = (
  tx: Db,
  scope: Scope,
  roundId: number,
  allocation: boolean,
  reason: string,
  now: Date,
) =>
  lapse(
    tx,
    scope,
    'pending',
    sql`i.round_id = ${roundId}
      and ${allocation ? sql`i.source = 'allocation'` : sql`i.source <> 'allocation'`}`,
    reason,
    now,
  );

/** The accepted intentions whose agreements lapsed unsigned: the pair never came into force. */
export const lapseAcceptedIntentions = (
  tx: Db,
  scope: Scope,
  ids: readonly number[],
  reason: string,
  now: Date,
) =>
  ids.length === 0
    ? Promise.resolve(0)
    : lapse(
        tx,
        scope,
        'accepted',
        sql`i.id = any(${`{${ids.map((n) => Math.trunc(n)).join(',')}}`}::bigint[])`,
        reason,
        now,
      );

/**
 * Renewals one side confirmed and the other never answered: closed as declined by no one, with
 * the reason. Pairs nobody answered have no row to close; their window ends with the stage.
 */
export async function lapseRenewals(
  tx: Db,
  scope: Scope,
  roundId: number,
  reason: string,
  now: Date,
) {
  const rows = await queryRows<{ id: number; ruralPath: string }>(
    tx,
    sql`update renewals rn set declined_at = ${now}, closed_reason = ${reason}
      from org_directory ro
      where ro.id = rn.rural_org_id and rn.round_id = ${roundId}
        and rn.intention_id is null and rn.declined_at is null
      returning rn.id::int as "id", ro.path as "ruralPath"`,
  );
  await recordAudits(
    tx,
    scope,
    rows.map((r) => ({
      action: 'renewal.lapsed',
      entity: 'renewal',
      entityId: r.id,
      scopePath: r.ruralPath,
      after: { reason },
    })),
  );
  return rows.length;
}
