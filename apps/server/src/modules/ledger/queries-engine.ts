// The engine's view of one pairing (issue 12 item 7): its ledger as of a day, holding exactly the
// records that count on that day, and `evaluate()` of that same ledger.
import type { ComplianceView, LedgerView } from '@pairing/shared';
import { evaluate, type Ledger } from '@pairing/policy';
import type { Db } from '../../db/client.ts';
import type { Scope } from '../../lib/scope.ts';
import { loadPairingScoped } from './access.ts';
import { buildLedgers } from './compliance/engine-ledger.ts';
import { ensure } from './policy.ts';

async function engineLedger(db: Db, scope: Scope, id: number, at: string): Promise<Ledger> {
  ensure(scope, 'read');
  const pairing = await loadPairingScoped(db, scope, id);
  ensure(scope, 'read', pairing);
  const { ledgers } = await buildLedgers(db, [id], at);
  return ledgers.get(id)!;
}

/** The pairing's engine ledger as of `at` (YYYY-MM-DD); 404 outside the caller's scope. */
export const ledgerAt = async (db: Db, scope: Scope, id: number, at: string) =>
  (await engineLedger(db, scope, id, at)) as LedgerView;

/** `evaluate(ledger, at)` of the very ledger `ledgerAt` answers. */
export const complianceAt = async (db: Db, scope: Scope, id: number, at: string) =>
  evaluate(await engineLedger(db, scope, id, at), at) as ComplianceView;
