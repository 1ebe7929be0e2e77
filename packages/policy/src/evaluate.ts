// evaluate(ledger, at): for one pairing, each applicable rule's periods with their status as of
// `at` (issue 5, "Contract").
import { parseDay } from './dates.ts';
import type { Ledger } from './ledger.ts';
import { COMPILED_PACKS } from './plan.ts';
import { prepareLedger } from './prepare.ts';
import type { ComplianceStatus, RuleStatus } from './status.ts';
import { parseLedger } from './validate.ts';

/** Parses the "as of" date, or throws naming it. */
export function parseAt(at: string): number {
  const day = parseDay(at);
  if (Number.isNaN(day)) {
    throw new Error(
      `评估日期无效 (bad "at" date): ${JSON.stringify(at)}, expected a calendar date YYYY-MM-DD`,
    );
  }
  return day;
}

/**
 * The compliance status of one pairing as of `at` (YYYY-MM-DD). Throws `LedgerError` naming each
 * offending entry when the ledger breaks the contract.
 */
export function evaluate(ledger: Ledger, at: string): ComplianceStatus {
  const atDay = parseAt(at);
  const prepared = prepareLedger(ledger);
  if (prepared === undefined) {
    parseLedger(ledger);
    throw new Error(`ledger check disagrees with the ledger schema (pack ${String(ledger.pack)})`);
  }
  const pack = COMPILED_PACKS.get(prepared.pack)!;
  const summary = { met: 0, due: 0, due_soon: 0, missed: 0, late: 0 };
  const rules: RuleStatus[] = [];
  for (const rule of pack.rules) {
    if (!rule.applies(prepared)) continue;
    const periods = rule.evaluate(prepared, atDay, pack.dueSoonDays);
    for (const period of periods) summary[period.status]++;
    rules.push({ rule: rule.id, periods });
  }
  return { pack: pack.id, at, rules, summary };
}
