import type { LedgerSide, RecordState } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { withinScope } from '../../orgs/sql.ts';

// The record an evidence request is about, with its pairing's parties, found only when either
// party lies inside the caller's scope (otherwise 404, so ids do not leak). Kept apart so the
// ledger's shared record loader can take its place.

export type EvidenceRecord = {
  id: number;
  pairingId: number;
  side: LedgerSide;
  date: string;
  state: RecordState;
  countsFrom: string | null;
  urbanPath: string;
  ruralPath: string;
};

type Row = Omit<EvidenceRecord, 'id' | 'pairingId'> & {
  id: string | number;
  pairingId: string | number;
};

/** With `lock`, the record's row stays locked until the caller's transaction ends. */
export async function loadRecordScoped(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<EvidenceRecord> {
  const [row] = await queryRows<Row>(
    db,
    sql`select r.id, r.pairing_id as "pairingId", r.side, r.date::text as date, r.state,
        r.counts_from::text as "countsFrom", u.path as "urbanPath", v.path as "ruralPath"
      from ledger_records r
      join pairing_agreements p on p.id = r.pairing_id
      join org_directory u on u.id = p.urban_org_id
      join org_directory v on v.id = p.rural_org_id
      where r.id = ${id}
        and (${withinScope(sql`u.path`, scope)} or ${withinScope(sql`v.path`, scope)})
      ${lock ? sql`for update of r` : sql``}`,
  );
  if (!row) throw notFound('记录不存在');
  return { ...row, id: Number(row.id), pairingId: Number(row.pairingId) };
}

/** Today's date in China (Asia/Shanghai, no daylight saving): the ledger's days. */
export const chinaDay = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
