// A fund record's uses (what the village did with it) and the balance left.
import type { FundUseInput, FundUsesView } from '@pairing/shared';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { abilitiesOn, authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { fundUses } from '../schema.ts';
import { loadRecordScoped, type PairingRow } from '../access.ts';
import type { LedgerRecordRow } from '../record-row.ts';
import { can, type DisclosureSubject } from './policy.ts';

/** States in which a fund was not refused or taken back, so the village may record its uses. */
const openStates = ['pending', 'confirmed', 'upheld'];

export const fundSubject = (record: LedgerRecordRow, pairing: PairingRow): DisclosureSubject => ({
  kind: 'fund',
  urbanPath: pairing.urbanPath,
  ruralPath: pairing.ruralPath,
  open: openStates.includes(record.state),
});

/** A fund record's amount (yuan; goods in kind at their stated value). */
export const fundAmount = (record: LedgerRecordRow) =>
  record.content.type === 'fund' ? record.content.amount : 0;

/**
 * The fund record, in scope and of type fund; 404 otherwise. With `lock`, the pairing's ledger
 * lock is held until the caller's transaction ends, so uses of a fund are added one at a time.
 */
export async function loadFund(db: Db, scope: Scope, id: number, lock = false) {
  authorize(can, scope, 'read');
  const found = await loadRecordScoped(db, scope, id, lock);
  if (found.record.type !== 'fund') throw notFound('资金记录不存在');
  return found;
}

/** The uses recorded against a fund; the sum a new use must keep within the amount. */
export async function usesOf(db: Db, recordId: number) {
  const items = await db
    .select({
      id: fundUses.id,
      date: fundUses.date,
      amount: fundUses.amount,
      purpose: fundUses.purpose,
    })
    .from(fundUses)
    .where(eq(fundUses.recordId, recordId))
    .orderBy(asc(fundUses.date), asc(fundUses.id));
  return { items, used: items.reduce((sum, u) => sum + u.amount, 0) };
}

/** Store one use (in the caller's transaction, under the pairing's ledger lock). */
export async function insertFundUse(db: Db, recordId: number, input: FundUseInput, userId: number) {
  const [use] = await db
    .insert(fundUses)
    .values({ recordId, ...input, enteredBy: userId })
    .returning({ id: fundUses.id });
  return use.id;
}

export async function presentUses(
  db: Db,
  scope: Scope,
  found: { record: LedgerRecordRow; pairing: PairingRow },
): Promise<FundUsesView> {
  const { items, used } = await usesOf(db, found.record.id);
  const amount = fundAmount(found.record);
  return {
    recordId: found.record.id,
    amount,
    used,
    balance: amount - used,
    items,
    abilities: abilitiesOn(can, scope, ['addUse'], fundSubject(found.record, found.pairing)),
  };
}

export async function listUses(db: Db, scope: Scope, id: number) {
  return presentUses(db, scope, await loadFund(db, scope, id));
}
