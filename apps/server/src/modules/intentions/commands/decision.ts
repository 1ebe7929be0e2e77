// The steps every decision on one intention shares: lock it, change it, record it.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { notifyBoard } from '../../../lib/notify.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAudit } from '../../audit/record.ts';
import { withinScope } from '../../orgs/sql.ts';
import { getRound } from '../../rounds/service.ts';
import type { IntentionSubject, Side } from '../policy.ts';
import type { DecidedRow, IntentionRow } from '../present.ts';

/** An intention locked for a decision, with what the policy judges it by. */
export type Locked = DecidedRow & IntentionSubject;

/** The columns of an intention as the decision statements return them. */
const decidedColumns = sql`id::int as "id", round_id::int as "roundId",
  urban_org_id::int as "urbanOrgId", rural_org_id::int as "ruralOrgId", state::text as "state",
  source::text as "source", submitted_at as "submittedAt", decided_at as "decidedAt",
  urban_confirmed_at as "urbanConfirmedAt", rural_confirmed_at as "ruralConfirmedAt"`;

/**
 * Lock the intention if the caller's side lies in the caller's scope; otherwise 404. Its round's
 * intention window comes along (the round is visible to whoever sees one side of its intention).
 */
export async function lockIntention(
  tx: Db,
  scope: Scope,
  id: number,
  side: Side,
  now: Date,
): Promise<Locked> {
  const sidePath: SQL = side === 'urban' ? sql`uo.path` : sql`ro.path`;
  const [row] = await queryRows<DecidedRow & { urbanPath: string; ruralPath: string }>(
    tx,
    sql`select i.id::int as "id", i.round_id::int as "roundId", i.urban_org_id::int as "urbanOrgId",
        i.rural_org_id::int as "ruralOrgId", i.state::text as "state", i.source::text as "source",
        i.submitted_at as "submittedAt", i.decided_at as "decidedAt",
        i.urban_confirmed_at as "urbanConfirmedAt", i.rural_confirmed_at as "ruralConfirmedAt",
        ro.path as "ruralPath", uo.path as "urbanPath"
      from intentions i
      join org_directory ro on ro.id = i.rural_org_id
      join org_directory uo on uo.id = i.urban_org_id
      where i.id = ${id} and ${withinScope(sidePath, scope)}
      for update of i`,
  );
  if (!row) throw notFound('意向不存在');
  const round = await getRound(tx, scope, row.roundId);
  return { ...row, roundState: round.state, intentionDeadline: round.intentionDeadline, now };
}

/** The intention as its answers present it, without what the policy judged it by. */
export const withoutSubject = ({
  urbanPath: _u,
  ruralPath: _r,
  roundState: _s,
  intentionDeadline: _d,
  now: _n,
  ...row
}: Locked): DecidedRow => row;

/** Decide the intention (`also`: further columns to set), record it, tell the board on commit. */
export async function setState(
  tx: Db,
  scope: Scope,
  i: Locked,
  state: Exclude<IntentionRow['state'], 'pending'>,
  also?: SQL,
) {
  const [after] = await queryRows<DecidedRow>(
    tx,
    sql`update intentions set state = ${state}, decided_by = ${scope.userId}, decided_at = ${i.now}${also ? sql`, ${also}` : sql``}
      where id = ${i.id} returning ${decidedColumns}`,
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

/** Record one side's yes on an allocated pair that still awaits the other side's. */
export async function recordConfirmation(tx: Db, scope: Scope, i: Locked, side: Side, mine: SQL) {
  const [after] = await queryRows<DecidedRow>(
    tx,
    sql`update intentions set ${mine} where id = ${i.id} returning ${decidedColumns}`,
  );
  await recordAudit(tx, scope, {
    action: 'intention.confirmed',
    entity: 'intention',
    entityId: i.id,
    scopePath: i.ruralPath,
    after: { side },
  });
  return after;
}
