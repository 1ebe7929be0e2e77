// What the ledger publishes for the to-do list (issue 13 item 2): the records awaiting the
// caller's confirmation or settlement (as the awaiting page lists them) and the duties of the
// caller's own pairings due soon or missed (from the compliance store), so that the to-do module
// never names the ledger's tables.
import { PACKS } from '@pairing/policy';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { MISSED_REMINDER_DAYS } from './compliance/duties.ts';
import { ruleLabel } from './labels.ts';
import { scopedRecordJoins } from './present-record.ts';
import { awaitingParts } from './queries-records.ts';
import { ruleKinds } from './read-for-reminders.ts';

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

/** A duty of one of the org's pairings not met: due soon (the pack's days), or missed lately. */
export type OwnDuty = {
  pairingId: number;
  partner: string;
  due: string;
  missed: boolean;
  /** A quarterly report (R-REPORT-Q) rather than visits, activities or funds. */
  report: boolean;
  label: string;
};

const dueSoonDays = new Map<string, number>(Object.values(PACKS).map((p) => [p.id, p.dueSoonDays]));
const longestDueSoon = Math.max(...dueSoonDays.values());

/**
 * The duties of the pairings of org `orgId` as of `today`: those "due soon" by their pack (the
 * status of DOMAIN.md, 30 days before they fall due) and those missed in the last days, as the
 * duty reminders speak of them.
 */
export async function dutiesOf(db: Db, orgId: number, today: string): Promise<OwnDuty[]> {
  const rows = await queryRows<{
    pairingId: number;
    packId: string;
    rule: string;
    due: string;
    daysLeft: number;
    missed: boolean;
    partner: string;
  }>(
    db,
    sql`select d.pairing_id::int as "pairingId", pa.pack_id as "packId", d.rule,
        d.due::text as due, (d.due - ${today}::date)::int as "daysLeft", d.missed,
        o.name as partner
      from pairing_duties d
      join pairing_agreements pa on pa.id = d.pairing_id
      join org_directory o
        on o.id = case when pa.urban_org_id = ${orgId} then pa.rural_org_id else pa.urban_org_id end
      where (pa.urban_org_id = ${orgId} or pa.rural_org_id = ${orgId})
        and ((not d.missed and d.due between ${today}::date and ${today}::date + ${longestDueSoon}::int)
          or (d.missed
            and d.due between ${today}::date - ${MISSED_REMINDER_DAYS}::int and ${today}::date - 1))`,
  );
  return rows
    .filter((r) => r.missed || r.daysLeft <= (dueSoonDays.get(r.packId) ?? longestDueSoon))
    .map((r) => ({
      pairingId: r.pairingId,
      partner: r.partner,
      due: r.due,
      missed: r.missed,
      report: ruleKinds.get(`${r.packId}\u0000${r.rule}`) === 'quarterly-report',
      label: ruleLabel(r.rule),
    }));
}
