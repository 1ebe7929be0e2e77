// A side records a visit, activity, fund, project progress or acceptance, or a quarterly report
// (issue 12 items 3–4). It is pending and counts from 14 days after entry unless the other side
// objects first; the pairing's stored compliance is recomputed in the same transaction.
import type { RecordInput, RecordView } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { lockPairing, loadPairingScoped } from '../access.ts';
import { recordLedgerAudit } from '../audit.ts';
import { refreshCompliance } from '../compliance/store.ts';
import { todayOf } from '../days.ts';
import { ensure, ledgerSideOf, recordTypeRefusal } from '../policy.ts';
import { checkRecord, ensureFirstReport, normalized } from '../record-checks.ts';
import { pendingCountsFrom } from '../record-row.ts';
import { ledgerRecords } from '../schema.ts';
import { auditOfRecord, presentOne, replayed } from './record-change.ts';

export async function createRecord(
  db: Db,
  scope: Scope,
  clock: Clock,
  pairingId: number,
  input: RecordInput,
  idempotency: IdempotencyKey | null = null,
): Promise<RecordView> {
  ensure(scope, 'record');
  return db.transaction(async (tx) => {
    await lockPairing(tx, pairingId);
    const pairing = await loadPairingScoped(tx, scope, pairingId);
    ensure(scope, 'record', pairing);
    const side = ledgerSideOf(scope, pairing)!;
    const refused = recordTypeRefusal(side, input.type);
    if (refused) throw refused;
    const now = clock.now();
    const today = todayOf(clock);
    await checkRecord(tx, pairing, input, today);
    if (input.type === 'report') await ensureFirstReport(tx, pairingId, side, input.quarter);

    const content = normalized(input);
    const [inserted] = await tx
      .insert(ledgerRecords)
      .values({
        pairingId,
        provinceCode: pairing.provinceCode,
        type: content.type,
        side,
        date: content.date,
        content,
        rosterIds:
          content.type === 'visit' || content.type === 'activity' ? content.people.rosterIds : [],
        department: content.type === 'visit' ? content.department : false,
        category: content.type === 'activity' ? content.category : null,
        amount: content.type === 'fund' ? content.amount : null,
        period: content.type === 'report' ? content.quarter : null,
        state: 'pending',
        countsFrom: pendingCountsFrom(today),
        enteredAt: now,
        enteredBy: scope.userId,
      })
      .returning({ id: ledgerRecords.id });
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.record.create',
      entity: 'ledger_record',
      entityId: inserted.id,
      pairing,
      after: auditOfRecord(content, side, 'pending', pendingCountsFrom(today)),
    });
    await refreshCompliance(tx, [pairingId], today);
    const view = await presentOne(tx, scope, inserted.id, today);
    // A repeat of the same request (a phone's retry) rolls back here and replays the first answer.
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, view))) throw replayed();
    return view;
  });
}
