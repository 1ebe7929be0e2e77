// The unit names the responsible department (负责部门, S1 §10) of a pairing.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadPairingScoped, lockPairing } from '../access.ts';
import { recordLedgerAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { pairingProfiles } from '../schema.ts';

export async function setDepartment(
  db: Db,
  scope: Scope,
  pairingId: number,
  input: { responsibleDepartment: string },
) {
  ensure(scope, 'manageRoster');
  return db.transaction(async (tx) => {
    await lockPairing(tx, pairingId);
    const pairing = await loadPairingScoped(tx, scope, pairingId);
    ensure(scope, 'manageRoster', pairing);
    const [before] = await tx
      .select({ responsibleDepartment: pairingProfiles.responsibleDepartment })
      .from(pairingProfiles)
      .where(sql`${pairingProfiles.pairingId} = ${pairingId}`);
    await tx
      .insert(pairingProfiles)
      .values({ pairingId, responsibleDepartment: input.responsibleDepartment })
      .onConflictDoUpdate({
        target: pairingProfiles.pairingId,
        set: { responsibleDepartment: input.responsibleDepartment, updatedAt: sql`now()` },
      });
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.department.set',
      entity: 'pairing_profile',
      entityId: pairingId,
      pairing,
      before: before ?? null,
      after: { responsibleDepartment: input.responsibleDepartment },
    });
    return { responsibleDepartment: input.responsibleDepartment };
  });
}
