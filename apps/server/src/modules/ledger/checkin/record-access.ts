// The record a check-in code is bound to, with its pairing. The public routes take no scope: the
// token is the capability, and it reaches exactly one record (the code's), never another.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { queryRows, type RowTime } from '../../../lib/rows.ts';
import { pairingColumns, pairingJoins, type PairingRow } from '../access.ts';
import { recordColumns, type LedgerRecordRow } from '../record-row.ts';

export type CodeRecord = {
  codeId: number;
  expiresAt: RowTime;
  record: LedgerRecordRow;
  pairing: PairingRow;
};

const unknownCode = () => notFound('签到码无效或已过期，请向组织者索取新的签到码');

const liveCode = (tokenHash: string, now: Date) =>
  sql`c.token_hash = ${tokenHash} and c.expires_at > ${now.toISOString()}::timestamptz`;

/** The pairing whose ledger a live code writes to (to lock it before reading), else 404. */
export async function pairingOfCode(db: Db, tokenHash: string, now: Date): Promise<number> {
  const [found] = await queryRows<{ pairingId: number }>(
    db,
    sql`select lr.pairing_id::int as "pairingId" from checkin_codes c
      join ledger_records lr on lr.id = c.record_id
      where ${liveCode(tokenHash, now)}`,
  );
  if (!found) throw unknownCode();
  return found.pairingId;
}

/** The live code's record and pairing; unknown or expired codes are not found (404). */
export async function loadByCode(db: Db, tokenHash: string, now: Date): Promise<CodeRecord> {
  const [found] = await queryRows<{ codeId: number; expiresAt: RowTime } & LedgerRecordRow>(
    db,
    sql`select c.id::int as "codeId", c.expires_at::text as "expiresAt", ${recordColumns}
      from checkin_codes c join ledger_records lr on lr.id = c.record_id
      where ${liveCode(tokenHash, now)}`,
  );
  if (!found) throw unknownCode();
  const { codeId, expiresAt, ...record } = found;
  const [pairing] = await queryRows<PairingRow>(
    db,
    sql`select ${pairingColumns} from ${pairingJoins} where pa.id = ${record.pairingId}`,
  );
  if (!pairing) throw unknownCode();
  return { codeId, expiresAt, record, pairing };
}
