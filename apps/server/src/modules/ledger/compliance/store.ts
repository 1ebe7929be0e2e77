// The stored compliance of each pairing (issue 12 item 7): `evaluate()` of its ledger as of a day,
// written with the org paths for roll-ups and, per rule and status, the number of periods for the
// list's filters. Rewritten in the transaction of every record change and daily for all.
import { evaluate, type ComplianceStatus } from '@pairing/policy';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { buildLedgers, type PairingHead } from './engine-ledger.ts';

type StoredRow = {
  pairing_id: number;
  at: string;
  urban_path: string;
  rural_path: string;
  status: ComplianceStatus;
  met: number;
  due: number;
  due_soon: number;
  missed: number;
  late: number;
  next_due: string | null;
};

type RuleRow = { pairing_id: number; rule: string; status: string; periods: number };

/** The earliest end of a period whose duty is not met yet and not yet missed (reminders). */
function nextDue(status: ComplianceStatus): string | null {
  let next: string | null = null;
  for (const rule of status.rules) {
    for (const p of rule.periods) {
      if ((p.status === 'due' || p.status === 'due_soon') && (next === null || p.to < next)) {
        next = p.to;
      }
    }
  }
  return next;
}

/** The rows to store for one pairing's status. */
export function storedRows(head: PairingHead, status: ComplianceStatus) {
  const row: StoredRow = {
    pairing_id: head.id,
    at: status.at,
    urban_path: head.urbanPath,
    rural_path: head.ruralPath,
    status,
    met: status.summary.met,
    due: status.summary.due,
    due_soon: status.summary.due_soon,
    missed: status.summary.missed,
    late: status.summary.late,
    next_due: nextDue(status),
  };
  const counts = new Map<string, RuleRow>();
  for (const rule of status.rules) {
    for (const p of rule.periods) {
      const key = `${rule.rule}\u0000${p.status}`;
      const found = counts.get(key);
      if (found) found.periods++;
      else counts.set(key, { pairing_id: head.id, rule: rule.rule, status: p.status, periods: 1 });
    }
  }
  return { row, rules: [...counts.values()] };
}

/** Write the statuses of these pairings, replacing what was stored for them. */
export async function writeCompliance(
  db: Db,
  ids: readonly number[],
  rows: readonly StoredRow[],
  rules: readonly RuleRow[],
) {
  const idList = `{${ids.join(',')}}`;
  await db.execute(sql`insert into pairing_compliance
      (pairing_id, at, urban_path, rural_path, status, met, due, due_soon, missed, late, next_due)
    select pairing_id, at, urban_path, rural_path, status, met, due, due_soon, missed, late, next_due
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(pairing_id bigint, at date,
      urban_path text, rural_path text, status jsonb, met int, due int, due_soon int, missed int,
      late int, next_due date)
    on conflict (pairing_id) do update set at = excluded.at, urban_path = excluded.urban_path,
      rural_path = excluded.rural_path, status = excluded.status, met = excluded.met,
      due = excluded.due, due_soon = excluded.due_soon, missed = excluded.missed,
      late = excluded.late, next_due = excluded.next_due, computed_at = now()`);
  await db.execute(
    sql`delete from pairing_rule_status where pairing_id = any(${idList}::bigint[])`,
  );
  if (rules.length > 0) {
    await db.execute(sql`insert into pairing_rule_status (pairing_id, rule, status, periods)
      select pairing_id, rule, status::entry_status, periods
      from jsonb_to_recordset(${JSON.stringify(rules)}::jsonb)
        as x(pairing_id bigint, rule text, status text, periods int)`);
  }
}

/**
 * Recompute and store the compliance of these pairings as of `at` (YYYY-MM-DD). Call it inside
 * the transaction that changed their records, after `lockPairing`, so what it reads is current.
 */
export async function refreshCompliance(db: Db, ids: readonly number[], at: string) {
  const { heads, ledgers } = await buildLedgers(db, ids, at);
  const rows: StoredRow[] = [];
  const rules: RuleRow[] = [];
  for (const head of heads) {
    const stored = storedRows(head, evaluate(ledgers.get(head.id)!, at));
    rows.push(stored.row);
    rules.push(...stored.rules);
  }
  await writeCompliance(
    db,
    heads.map((h) => h.id),
    rows,
    rules,
  );
}
