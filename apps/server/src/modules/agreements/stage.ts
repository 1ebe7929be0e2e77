import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notifyBoard } from '../../lib/notify.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { recordAudits } from '../audit/record.ts';
import { lapseAcceptedIntentions } from '../intentions/stage.ts';
import { pairPath } from './commands/record.ts';

// What a round's stage change finds unfinished among agreements, and how it closes them
// (docs/rounds.md "Stage changes", R-DEADLINE-SIGN).

export type AgreementWork = {
  /** Original agreements no side has signed. */
  draftAgreements: number;
  /** Original agreements one side has signed, awaiting the other. */
  halfSignedAgreements: number;
  /** Amendments (补充协议) not yet signed by both sides. */
  openAmendments: number;
};

export async function unfinishedAgreements(db: Db, roundId: number): Promise<AgreementWork> {
  const [counts] = await queryRows<AgreementWork>(
    db,
    sql`select
        count(*) filter (where amends_id is null
          and urban_signed_at is null and rural_signed_at is null)::int as "draftAgreements",
        count(*) filter (where amends_id is null
          and (urban_signed_at is null) <> (rural_signed_at is null))::int as "halfSignedAgreements",
        count(*) filter (where amends_id is not null)::int as "openAmendments"
      from agreements where round_id = ${roundId} and status = 'draft'`,
  );
  return counts;
}

/**
 * Close the round's unsigned agreements (`originals`) or open amendments (status `lapsed`, with
 * the reason), recorded each. An original that never came into force takes its intention with
 * it: the pair is not formed, its places go back and its village counts as uncovered again.
 */
export async function lapseAgreements(
  tx: Db,
  scope: Scope,
  roundId: number,
  originals: boolean,
  reason: string,
  now: Date,
) {
  const rows = await queryRows<{
    id: number;
    intentionId: number;
    urbanSigned: boolean;
    ruralSigned: boolean;
    urbanPath: string;
    ruralPath: string;
  }>(
    tx,
    sql`update agreements a set status = 'lapsed', closed_reason = ${reason}, updated_at = ${now}
      from org_directory ro, org_directory uo
      where ro.id = a.rural_org_id and uo.id = a.urban_org_id and a.round_id = ${roundId} and a.status = 'draft'
        and ${originals ? sql`a.amends_id is null` : sql`a.amends_id is not null`}
      returning a.id::int as "id", a.intention_id::int as "intentionId",
        a.urban_signed_at is not null as "urbanSigned", a.rural_signed_at is not null as "ruralSigned",
        uo.path as "urbanPath", ro.path as "ruralPath"`,
  );
  await recordAudits(
    tx,
    scope,
    rows.map((r) => ({
      action: 'agreement.lapsed',
      entity: 'agreement',
      entityId: r.id,
      scopePath: pairPath(r),
      before: { status: 'draft', urbanSigned: r.urbanSigned, ruralSigned: r.ruralSigned },
      after: { status: 'lapsed', reason },
    })),
  );
  if (originals)
    await lapseAcceptedIntentions(
      tx,
      scope,
      rows.map((r) => r.intentionId),
      reason,
      now,
    );
  if (rows.length) await notifyBoard(tx, roundId);
  return rows.length;
}
