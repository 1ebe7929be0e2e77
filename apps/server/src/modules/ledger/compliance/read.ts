// Reading the stored compliance (store.ts writes it): the engine's answer as of the stored day,
// for the pairing page.
import type { ComplianceView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { StoredStatus } from './store.ts';

/** The engine's answer from the stored status (kept without its `at`) and the stored day. */
export const withAt = (status: StoredStatus, at: string): ComplianceView => ({
  pack: status.pack,
  at,
  rules: status.rules,
  summary: status.summary,
});

/** The stored answer for the pairing (as of its stored day), or null before the first. */
export async function storedStatus(db: Db, pairingId: number): Promise<ComplianceView | null> {
  const [row] = await queryRows<{ status: StoredStatus; at: string }>(
    db,
    sql`select ps.status, pc.at::text as at from pairing_compliance pc
      join pairing_status ps on ps.pairing_id = pc.pairing_id
      where pc.pairing_id = ${pairingId}`,
  );
  return row ? withAt(row.status, row.at) : null;
}
