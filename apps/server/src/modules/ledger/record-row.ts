// A ledger record as raw queries read it, and what follows from it on a given day.
import {
  CONFIRMATION_DAYS,
  type LedgerSide,
  type RecordInput,
  type RecordState,
  type RecordType,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { RowTime } from '../../lib/rows.ts';

export type LedgerRecordRow = {
  id: number;
  pairingId: number;
  type: RecordType;
  side: LedgerSide;
  date: string;
  content: RecordInput;
  rosterIds: number[];
  state: RecordState;
  countsFrom: string | null;
  photoDateMismatch: boolean;
  enteredAt: RowTime;
  enteredBy: number;
  confirmedAt: RowTime | null;
  objectedAt: RowTime | null;
  objectedBy: number | null;
  objectionReason: string | null;
  settledAt: RowTime | null;
  settledBy: number | null;
  settlementNote: string | null;
};

/** The `select` list of a record (alias `lr`). */
export const recordColumns = sql`lr.id::int as id, lr.pairing_id::int as "pairingId", lr.type,
  lr.side, lr.date::text as date, lr.content,
  coalesce(array(select x::int from unnest(lr.roster_ids) x), '{}') as "rosterIds",
  lr.state, lr.counts_from::text as "countsFrom", lr.photo_date_mismatch as "photoDateMismatch",
  lr.entered_at::text as "enteredAt", lr.entered_by::int as "enteredBy",
  lr.confirmed_at::text as "confirmedAt", lr.objected_at::text as "objectedAt",
  lr.objected_by::int as "objectedBy", lr.objection_reason as "objectionReason",
  lr.settled_at::text as "settledAt", lr.settled_by::int as "settledBy",
  lr.settlement_note as "settlementNote"`;

/** Whether a record counts on `day` (YYYY-MM-DD): its counting day has come. */
export const countsOn = (row: Pick<LedgerRecordRow, 'countsFrom'>, day: string) =>
  row.countsFrom !== null && row.countsFrom <= day;

/** The day a pending record starts to count if nobody objects: entry day + 14 (issue 12 item 4). */
export function pendingCountsFrom(entryDay: string): string {
  const d = new Date(`${entryDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + CONFIRMATION_DAYS);
  return d.toISOString().slice(0, 10);
}
