// What the ledger publishes for the to-do list (issue 13 item 2): the records awaiting the
// caller's confirmation or settlement (as the awaiting page lists them) and the duties of the
// caller's own pairings falling due or missed (as the duty reminders find them), so that the to-do
// module never names the ledger's tables.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { ruleLabel } from './labels.ts';
import { scopedRecordJoins } from './present-record.ts';
import { awaitingParts } from './queries-records.ts';
import { dutyCandidates, ruleKinds } from './read-for-reminders.ts';

/** How many records wait, the first day by which one must be answered, and the record when one. */
export type RecordsWaiting = { count: number; deadline: string | null; recordId: number | null };

const none: RecordsWaiting = { count: 0, deadline: null, recordId: null };

/**
 * The other side's records the caller's side must confirm or object to before they count anyway
 * (the day before `counts_from`: 14 days after entry), and the disputes the caller may settle.
 */
export async function recordsWaiting(
  db: Db,
  scope: Scope,
  today: string,
): Promise<{ confirm: RecordsWaiting; settle: RecordsWaiting }> {
  const parts = awaitingParts(scope, today);
  const count = async (where: typeof parts.confirm, deadline: boolean) => {
    if (!where) return none;
    const [row] = await queryRows<RecordsWaiting>(
      db,
      sql`select count(*)::int as "count",
          ${deadline ? sql`to_char(min(lr.counts_from) - 1, 'YYYY-MM-DD')` : sql`null`} as "deadline",
          case when count(*) = 1 then min(lr.id)::int end as "recordId"
        from ${scopedRecordJoins} where ${where}`,
    );
    return row;
  };
  return { confirm: await count(parts.confirm, true), settle: await count(parts.settle, false) };
}

/** A duty of one of the org's pairings not met and due within 14 days, or missed lately. */
export type OwnDuty = {
  pairingId: number;
  partner: string;
  due: string;
  missed: boolean;
  /** A quarterly report (R-REPORT-Q) rather than visits, activities or funds. */
  report: boolean;
  label: string;
};

/** The duties of the pairings of org `orgId` that its duty reminders speak of as of `today`. */
export async function dutiesOf(db: Db, orgId: number, today: string): Promise<OwnDuty[]> {
  const rows = await queryRows<{
    pairingId: number;
    packId: string;
    rule: string;
    due: string;
    missed: boolean;
    partner: string;
  }>(
    db,
    sql`select c."pairingId", c."packId", c.rule, c.due, c.missed, o.name as partner
      from ${dutyCandidates(today)} c
      join pairing_agreements pa on pa.id = c."pairingId"
      join org_directory o
        on o.id = case when pa.urban_org_id = ${orgId} then pa.rural_org_id else pa.urban_org_id end
      where c."orgId" = ${orgId}`,
  );
  return rows.map((r) => ({
    pairingId: r.pairingId,
    partner: r.partner,
    due: r.due,
    missed: r.missed,
    report: ruleKinds.get(`${r.packId}\u0000${r.rule}`) === 'quarterly-report',
    label: ruleLabel(r.rule),
  }));
}
