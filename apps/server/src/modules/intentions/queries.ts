import { sql } from 'drizzle-orm';
import type { IntentionState, IntentionView, RenewalView } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { authorize } from '../../lib/policy.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { getRound, type Round } from '../rounds/service.ts';
import { can, type Window } from './policy.ts';
import {
  presentIntentionView,
  presentRenewal,
  type IntentionListRow,
  type RenewalRow,
} from './present.ts';

const windowOf = (round: Round, now: Date): Window => ({
  roundState: round.state,
  intentionDeadline: round.intentionDeadline,
  now,
});

/** `rural`: only intentions whose village or town lies inside the caller's scope (its inbox). */
export type IntentionFilter = { state?: IntentionState; side?: 'rural' };

async function intentionRows(db: Db, scope: Scope, roundId: number, filter: IntentionFilter) {
  authorize(can, scope, 'read');
  const round = await getRound(db, scope, roundId);
  const rows = await queryRows<IntentionListRow>(
    db,
    sql`select i.id::int as "id", i.round_id::int as "roundId", i.urban_org_id::int as "urbanOrgId",
        i.rural_org_id::int as "ruralOrgId", i.state::text as "state", i.source::text as "source",
        i.submitted_at as "submittedAt", i.decided_at as "decidedAt",
        i.urban_confirmed_at as "urbanConfirmedAt", i.rural_confirmed_at as "ruralConfirmedAt",
        uo.name as "urbanOrgName", ro.name as "ruralOrgName", ro.weak_village as "weakVillage",
        uo.path as "urbanPath", ro.path as "ruralPath"
      from intentions i
      join org_directory uo on uo.id = i.urban_org_id
      join org_directory ro on ro.id = i.rural_org_id
      where i.round_id = ${roundId}
        and (${withinScope(sql`uo.path`, scope)} or ${withinScope(sql`ro.path`, scope)})
        ${filter.state ? sql`and i.state = ${filter.state}` : sql``}
        ${filter.side === 'rural' ? sql`and ${withinScope(sql`ro.path`, scope)}` : sql``}
      order by i.id`,
  );
  return { round, rows };
}

/** Intentions of the round where either side lies inside the caller's scope. */
export const listIntentions = async (
  db: Db,
  scope: Scope,
  roundId: number,
  filter: { state?: IntentionState },
) => (await intentionRows(db, scope, roundId, filter)).rows;

/** The list route's answer: each intention with what the caller may do to it now. */
export async function intentionViews(
  db: Db,
  scope: Scope,
  now: Date,
  roundId: number,
  filter: IntentionFilter,
): Promise<IntentionView[]> {
  const { round, rows } = await intentionRows(db, scope, roundId, filter);
  const window = windowOf(round, now);
  return rows.map((row) => presentIntentionView(scope, window, row));
}

/** R-ROUND-RENEW: the previous round's accepted pairs, with both sides' answers for `round`. */
export const renewalRows = (round: Round) => sql`
  select rn.id::int as "renewalId", p.id::int as "previousIntentionId",
         uo.id::int as "urbanOrgId", uo.name as "urbanOrgName", uo.path as "urbanPath",
         ro.id::int as "ruralOrgId", ro.name as "ruralOrgName", ro.path as "ruralPath",
         rn.urban_confirmed_at as "urbanConfirmedAt", rn.rural_confirmed_at as "ruralConfirmedAt",
         rn.declined_at as "declinedAt", rn.intention_id::int as "intentionId"
  from intentions p
  join org_directory uo on uo.id = p.urban_org_id
  join org_directory ro on ro.id = p.rural_org_id
  left join renewals rn on rn.round_id = ${round.id} and rn.previous_intention_id = p.id
  where p.round_id = ${round.previousRoundId} and p.state = 'accepted'`;

/** R-ROUND-RENEW: the previous round's pairs in the caller's scope, with both sides' answers. */
export async function listRenewals(
  db: Db,
  scope: Scope,
  now: Date,
  roundId: number,
): Promise<RenewalView[]> {
  authorize(can, scope, 'read');
  const round = await getRound(db, scope, roundId);
  const rows = await queryRows<RenewalRow>(
    db,
    sql`${renewalRows(round)}
      and (${withinScope(sql`uo.path`, scope)} or ${withinScope(sql`ro.path`, scope)})
      order by p.id`,
  );
  return rows.map((row) => presentRenewal(scope, windowOf(round, now), row));
}
