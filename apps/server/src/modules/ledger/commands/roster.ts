// The unit's leadership roster for a pairing (issue 12 item 2): entries are added and ended with
// dates, never rewritten, so who was in office on a day stays known (R-VISIT-PRINCIPAL, R-VISIT-LEAD).
import type { RosterEntry, RosterRole } from '@pairing/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { loadPairingScoped, lockPairing } from '../access.ts';
import { maskName, recordLedgerAudit } from '../audit.ts';
import { refreshCompliance } from '../compliance/store.ts';
import { todayOf } from '../days.ts';
import { ensure } from '../policy.ts';
import { pairingRoster } from '../schema.ts';
import { replayed } from './record-change.ts';

type RosterRow = typeof pairingRoster.$inferSelect;

export const presentRosterEntry = (row: RosterRow): RosterEntry => ({
  id: row.id,
  name: row.name,
  post: row.post,
  role: row.role,
  from: row.fromDate,
  to: row.toDate,
});

const auditOf = (row: RosterRow) => ({
  name: maskName(row.name),
  post: row.post,
  role: row.role,
  from: row.fromDate,
  to: row.toDate,
});

export type RosterInput = {
  name: string;
  post: string;
  role: RosterRole;
  from: string;
  to: string | null;
};

export async function addRosterEntry(
  db: Db,
  scope: Scope,
  clock: Clock,
  pairingId: number,
  input: RosterInput,
  idempotency: IdempotencyKey | null = null,
): Promise<RosterEntry> {
  ensure(scope, 'manageRoster');
  return db.transaction(async (tx) => {
    await lockPairing(tx, pairingId);
    const pairing = await loadPairingScoped(tx, scope, pairingId);
    ensure(scope, 'manageRoster', pairing);
    const [row] = await tx
      .insert(pairingRoster)
      .values({
        pairingId,
        name: input.name,
        post: input.post,
        role: input.role,
        fromDate: input.from,
        toDate: input.to,
        createdBy: scope.userId,
      })
      .returning();
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.roster.add',
      entity: 'pairing_roster',
      entityId: row.id,
      pairing,
      after: auditOf(row),
    });
    // The engine's people are the entries in office by the day evaluated.
    await refreshCompliance(tx, [pairingId], todayOf(clock));
    const entry = presentRosterEntry(row);
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, entry))) throw replayed();
    return entry;
  });
}

export async function endRosterEntry(
  db: Db,
  scope: Scope,
  clock: Clock,
  pairingId: number,
  entryId: number,
  input: { to: string },
): Promise<RosterEntry> {
  ensure(scope, 'manageRoster');
  return db.transaction(async (tx) => {
    await lockPairing(tx, pairingId);
    const pairing = await loadPairingScoped(tx, scope, pairingId);
    ensure(scope, 'manageRoster', pairing);
    const [row] = await tx
      .select()
      .from(pairingRoster)
      .where(and(eq(pairingRoster.id, entryId), eq(pairingRoster.pairingId, pairingId)));
    if (!row) throw notFound('该人员不在本结对的领导班子名单中');
    if (row.toDate !== null) {
      throw conflict('roster_entry_ended', `该人员已于 ${row.toDate} 离任`);
    }
    if (input.to < row.fromDate) {
      throw invalid('离任日期有误', { to: `离任日期不能早于任职日期（${row.fromDate}）` });
    }
    const [updated] = await tx
      .update(pairingRoster)
      .set({ toDate: input.to })
      .where(eq(pairingRoster.id, entryId))
      .returning();
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.roster.end',
      entity: 'pairing_roster',
      entityId: entryId,
      pairing,
      before: auditOf(row),
      after: auditOf(updated),
    });
    await refreshCompliance(tx, [pairingId], todayOf(clock));
    return presentRosterEntry(updated);
  });
}
