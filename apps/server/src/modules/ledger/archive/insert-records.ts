// Records entered in bulk (the archive import) as the ledger stores them: pending, counting from
// the entry day + 14 (China time) unless the other side objects, with the columns the engine's
// ledger and the queries read beside the content — as the core's record create stores one.
import type { LedgerSide, RecordInput } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import { pendingCountsFrom } from '../record-row.ts';
import { ledgerRecords } from '../schema.ts';

export type RecordBatch = {
  pairingId: number;
  provinceCode: string;
  side: LedgerSide;
  userId: number;
  /** The entry day, China time (YYYY-MM-DD). */
  today: string;
  now: Date;
};

const derived = (c: RecordInput) => ({
  rosterIds: c.type === 'visit' || c.type === 'activity' ? c.people.rosterIds : [],
  department: c.type === 'visit' ? c.department : false,
  category: c.type === 'activity' ? c.category : null,
  amount: c.type === 'fund' ? c.amount : null,
  period: c.type === 'report' ? c.quarter : null,
});

/** Parameters per statement stay under PostgreSQL's 65,535: 1,000 rows of 14 columns. */
const chunk = 1_000;

/** Insert the records in the caller's transaction; answers their ids in input order. */
export async function insertRecords(db: Db, batch: RecordBatch, inputs: RecordInput[]) {
  const countsFrom = pendingCountsFrom(batch.today);
  const ids: number[] = [];
  for (let at = 0; at < inputs.length; at += chunk) {
    const rows = await db
      .insert(ledgerRecords)
      .values(
        inputs.slice(at, at + chunk).map((content) => ({
          pairingId: batch.pairingId,
          provinceCode: batch.provinceCode,
          type: content.type,
          side: batch.side,
          date: content.date,
          content,
          ...derived(content),
          state: 'pending' as const,
          countsFrom,
          enteredAt: batch.now,
          enteredBy: batch.userId,
        })),
      )
      .returning({ id: ledgerRecords.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}
