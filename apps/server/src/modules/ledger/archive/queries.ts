// A pairing's whole archive: its records (every state, oldest first) with their evidence counts,
// the unit's roster and the responsible department.
import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadPairingScoped, type PairingRow } from '../access.ts';
import { can } from '../disclosure/policy.ts';
import { ledgerRecords, pairingProfiles, pairingRoster, recordEvidence } from '../schema.ts';
import type { ArchiveRecord, RosterMember } from './rows.ts';

export type RosterEntry = RosterMember & { from: string; to: string | null };

export type Archive = {
  pairing: PairingRow;
  department: string;
  roster: RosterEntry[];
  records: ArchiveRecord[];
};

export async function rosterOf(db: Db, pairingId: number): Promise<RosterEntry[]> {
  return db
    .select({
      id: pairingRoster.id,
      name: pairingRoster.name,
      post: pairingRoster.post,
      role: pairingRoster.role,
      from: pairingRoster.fromDate,
      to: pairingRoster.toDate,
    })
    .from(pairingRoster)
    .where(eq(pairingRoster.pairingId, pairingId))
    .orderBy(asc(pairingRoster.fromDate), asc(pairingRoster.id));
}

export async function loadArchive(db: Db, scope: Scope, id: number): Promise<Archive> {
  authorize(can, scope, 'export');
  const pairing = await loadPairingScoped(db, scope, id);
  const [profile] = await db
    .select({ department: pairingProfiles.responsibleDepartment })
    .from(pairingProfiles)
    .where(eq(pairingProfiles.pairingId, id));
  const records = await db
    .select({
      id: ledgerRecords.id,
      side: ledgerRecords.side,
      state: ledgerRecords.state,
      countsFrom: ledgerRecords.countsFrom,
      content: ledgerRecords.content,
      evidence: sql<number>`(select count(*)::int from ${recordEvidence}
        where ${recordEvidence.recordId} = ${ledgerRecords.id})`,
    })
    .from(ledgerRecords)
    .where(eq(ledgerRecords.pairingId, id))
    .orderBy(asc(ledgerRecords.date), asc(ledgerRecords.id));
  return {
    pairing,
    department: profile?.department ?? '',
    roster: await rosterOf(db, id),
    records,
  };
}
