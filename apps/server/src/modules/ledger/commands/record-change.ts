// What every write on a record shares: one transaction under the pairing's lock, the record read
// in the caller's scope, the policy's refusal, the change, its audit record, the pairing's stored
// compliance recomputed, and the record presented as it now stands.
import type { RecordInput, RecordState, RecordView } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { AppError } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadRecordScoped } from '../access.ts';
import { recordLedgerAudit } from '../audit.ts';
import { refreshCompliance } from '../compliance/store.ts';
import { todayOf } from '../days.ts';
import { ensure, type LedgerAction } from '../policy.ts';
import { presentRecords } from '../present-record.ts';
import { scopedRecordRows } from '../queries-records.ts';
import { countsOn, type LedgerRecordRow } from '../record-row.ts';
import { ledgerRecords } from '../schema.ts';

/** What the audit keeps of a record: no free text and no names of people (personal data). */
export function auditOfRecord(
  content: RecordInput,
  side: string,
  state: RecordState,
  countsFrom: string | null,
) {
  const people =
    content.type === 'visit' || content.type === 'activity'
      ? { rosterIds: content.people.rosterIds, others: content.people.others.length }
      : {};
  return {
    type: content.type,
    side,
    date: content.date,
    state,
    countsFrom,
    ...people,
    ...(content.type === 'visit' ? { department: content.department } : {}),
    ...(content.type === 'activity' ? { category: content.category } : {}),
    ...(content.type === 'fund'
      ? { amount: content.amount, form: content.form, projectIndex: content.projectIndex }
      : {}),
    ...(content.type === 'progress' || content.type === 'acceptance'
      ? { projectIndex: content.projectIndex }
      : {}),
    ...(content.type === 'report' ? { quarter: content.quarter } : {}),
  };
}

/** The record as the caller now sees it, inside the write's transaction. */
export async function presentOne(tx: Db, scope: Scope, id: number, today: string) {
  const rows = await scopedRecordRows(tx, sql`lr.id = ${id}`);
  const [view] = await presentRecords(tx, scope, rows, today);
  return view;
}

/** A repeated idempotent create: the transaction rolls back and the first answer is replayed. */
export const replayed = () =>
  new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');

type Change = Partial<typeof ledgerRecords.$inferInsert> & { state: RecordState };

/**
 * Change one record's state. `change` gets the record as locked, today (China time) and now, and
 * returns the columns to set (`state` and `countsFrom` at least).
 */
export async function changeRecord(
  db: Db,
  scope: Scope,
  clock: Clock,
  id: number,
  action: Extract<LedgerAction, 'confirm' | 'object' | 'settle' | 'withdraw'>,
  change: (record: LedgerRecordRow, today: string, now: Date) => Change,
): Promise<RecordView> {
  ensure(scope, action);
  return db.transaction(async (tx) => {
    const { record, pairing } = await loadRecordScoped(tx, scope, id, true);
    const today = todayOf(clock);
    const now = clock.now();
    ensure(scope, action, {
      urbanPath: pairing.urbanPath,
      ruralPath: pairing.ruralPath,
      side: record.side,
      state: record.state,
      counts: countsOn(record, today),
    });
    const set = change(record, today, now);
    await tx
      .update(ledgerRecords)
      .set({ ...set, updatedAt: now })
      .where(eq(ledgerRecords.id, id));
    await recordLedgerAudit(tx, scope, {
      action: `ledger.record.${action}`,
      entity: 'ledger_record',
      entityId: id,
      pairing,
      before: { state: record.state, countsFrom: record.countsFrom },
      after: { state: set.state, countsFrom: set.countsFrom ?? null },
    });
    await refreshCompliance(tx, [record.pairingId], today);
    return presentOne(tx, scope, id, today);
  });
}
