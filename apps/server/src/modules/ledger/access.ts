// Loading a pairing or a record within the caller's scope: an object outside it is not found
// (404) by the query itself, never fetched and then refused.
import type { AgreementContent } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { lockKeyOf } from '../../lib/lock-key.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { recordColumns, type LedgerRecordRow } from './record-row.ts';

/** A pairing with what policy, presentation and the engine need of its parties. */
export type PairingRow = {
  id: number;
  roundId: number;
  packId: string;
  termStart: string;
  termEnd: string;
  provinceCode: string;
  signedAt: string;
  content: AgreementContent;
  urbanOrgId: number;
  urbanName: string;
  urbanPath: string;
  ruralOrgId: number;
  ruralName: string;
  ruralPath: string;
  weakVillage: boolean;
};

/** `select` list and joins of a pairing (alias `pa`) with its parties (`u`, `r`). */
export const pairingColumns = sql`pa.id::int as id, pa.round_id::int as "roundId",
  pa.pack_id as "packId", pa.term_start::text as "termStart", pa.term_end::text as "termEnd",
  pa.province_code as "provinceCode", pa.signed_at::text as "signedAt", pa.content,
  u.id::int as "urbanOrgId", u.name as "urbanName", u.path as "urbanPath",
  r.id::int as "ruralOrgId", r.name as "ruralName", r.path as "ruralPath",
  r.weak_village as "weakVillage"`;

export const pairingJoins = sql`pairing_agreements pa
  join org_directory u on u.id = pa.urban_org_id
  join org_directory r on r.id = pa.rural_org_id`;

/** Either party lies inside the caller's scope. */
export const pairingVisible = (scope: Pick<Scope, 'path'>) =>
  sql`(${withinScope(sql`u.path`, scope)} or ${withinScope(sql`r.path`, scope)})`;

/** The pairing if the caller may see it, else 404. */
export async function loadPairingScoped(db: Db, scope: Scope, id: number): Promise<PairingRow> {
  const [row] = await queryRows<PairingRow>(
    db,
    sql`select ${pairingColumns} from ${pairingJoins}
      where pa.id = ${id} and ${pairingVisible(scope)}`,
  );
  if (!row) throw notFound('结对不存在或不在您的管理范围内');
  return row;
}

/**
 * Serialize the writes of one pairing's ledger until the transaction ends, so the compliance each
 * write stores is computed from every record committed before it (two sides may record at once).
 */
export const lockPairing = (tx: Db, pairingId: number) =>
  tx.execute(sql`select pg_advisory_xact_lock(${LEDGER_LOCK_SPACE}, ${lockKeyOf(pairingId)})`);

// The advisory lock key space of the ledger (two-int form: space, pairing id).
const LEDGER_LOCK_SPACE = 12;

/** The record and its pairing if the caller may see the pairing, else 404; `lock` locks the row. */
export async function loadRecordScoped(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<{ record: LedgerRecordRow; pairing: PairingRow }> {
  const [found] = await queryRows<{ pairingId: number }>(
    db,
    sql`select lr.pairing_id::int as "pairingId" from ledger_records lr
      join pairing_agreements pa on pa.id = lr.pairing_id
      join org_directory u on u.id = pa.urban_org_id
      join org_directory r on r.id = pa.rural_org_id
      where lr.id = ${id} and ${pairingVisible(scope)}`,
  );
  if (!found) throw notFound('记录不存在或不在您的管理范围内');
  if (lock) await lockPairing(db, found.pairingId);
  const pairing = await loadPairingScoped(db, scope, found.pairingId);
  const [record] = await queryRows<LedgerRecordRow>(
    db,
    sql`select ${recordColumns} from ledger_records lr where lr.id = ${id}`,
  );
  return { record, pairing };
}
