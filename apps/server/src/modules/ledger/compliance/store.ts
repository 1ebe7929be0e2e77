// The stored compliance of each pairing (issue 12 item 7): `evaluate()` of its ledger as of a day,
// its summary with the org paths for lists and roll-ups, the answer itself, per rule and status
// the number of periods for the list's filters and roll-ups, and the duties not met for the
// reminders. Rewritten in the
// transaction of every record change and daily for all; a pairing whose answer did not change
// (most of them on most days) only has its day moved.
import { evaluate, type ComplianceStatus, type Ledger } from '@pairing/policy';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { dutiesOf, nextDue, type Duty } from './duties.ts';
import {
  assembleLedger,
  headOf,
  packedLedgersOf,
  type PackedLedger,
  type PairingHead,
} from './engine-ledger.ts';

/** The engine's answer as stored: without its `at`, which the row's `at` column carries. */
export type StoredStatus = Omit<ComplianceStatus, 'at'>;

export type StoredRow = {
  pairing_id: number;
  at: string;
  urban_path: string;
  rural_path: string;
  met: number;
  due: number;
  due_soon: number;
  missed: number;
  late: number;
  next_due: string | null;
  hash: string;
};

export type RuleRow = { pairing_id: number; rule: string; status: string; periods: number };

/** What is stored for one pairing; `status` is the JSON text of its StoredStatus. */
export type Stored = { row: StoredRow; status: string; rules: RuleRow[]; duties: Duty[] };

// Two 32-bit multiplicative hashes over every field of the status and the paths: comparing a
// pairing's answer with the stored one must cost less than the engine spent on it, and most
// answers are unchanged (a JSON text and an MD5 of it cost several times more).
let h1 = 0;
let h2 = 0;
function mixText(text: string) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x9e3779b1);
    h2 = Math.imul(h2 ^ c, 0x85ebca77);
  }
  mixNumber(-1);
}
function mixNumber(n: number) {
  const low = n | 0;
  const high = (n / 4_294_967_296) | 0;
  h1 = Math.imul(h1 ^ low, 0x9e3779b1) ^ (h1 >>> 15) ^ high;
  h2 = Math.imul(h2 ^ low, 0x85ebca77) ^ (h2 >>> 13) ^ high;
}

/** A digest of what would be stored for the pairing (its status without `at`, its paths). */
export function digest(head: PairingHead, status: ComplianceStatus): string {
  h1 = 0x2f6b3c1d;
  h2 = 0x51ed270b;
  mixText(head.urbanPath);
  mixText(head.ruralPath);
  mixText(status.pack);
  for (const rule of status.rules) {
    mixText(rule.rule);
    for (const p of rule.periods) {
      mixText(p.from);
      mixText(p.to);
      mixText(p.status);
      mixText(p.person ?? '');
      mixText(p.category ?? '');
      mixNumber(p.required);
      mixNumber(p.actual);
      for (const e of p.evidence) mixText(e);
      mixNumber(-2);
    }
    mixNumber(-3);
  }
  return `${(h1 >>> 0).toString(36)}.${(h2 >>> 0).toString(36)}`;
}

/**
 * The rows to store for one pairing's status as of its `at`. The duties are those of that day
 * (missed ones for MISSED_REMINDER_DAYS): they are rewritten whenever the status changes, and
 * the reminders read them by their due day, so one past its window that stays is harmless.
 */
export function storedRows(
  head: PairingHead,
  status: ComplianceStatus,
  hash = digest(head, status),
): Stored {
  const stored: StoredStatus = { pack: status.pack, rules: status.rules, summary: status.summary };
  const duties = dutiesOf(status, status.at);
  const counts = new Map<string, RuleRow>();
  for (const rule of status.rules) {
    for (const p of rule.periods) {
      const key = `${rule.rule}\u0000${p.status}`;
      const found = counts.get(key);
      if (found) found.periods++;
      else counts.set(key, { pairing_id: head.id, rule: rule.rule, status: p.status, periods: 1 });
    }
  }
  return {
    row: {
      pairing_id: head.id,
      at: status.at,
      urban_path: head.urbanPath,
      rural_path: head.ruralPath,
      met: status.summary.met,
      due: status.summary.due,
      due_soon: status.summary.due_soon,
      missed: status.summary.missed,
      late: status.summary.late,
      next_due: nextDue(duties),
      hash,
    },
    status: JSON.stringify(stored),
    rules: [...counts.values()],
    duties,
  };
}

type ArrayValue = string | number | boolean | null;

const needsEscape = /["\\]/;

/**
 * A PostgreSQL array literal: rows go to the server as one array per column for `unnest`, which
 * parses far faster than the same rows as JSON.
 */
function arrayOf<T>(rows: readonly T[], value: (row: T) => ArrayValue): string {
  const items = rows.map((row) => {
    const v = value(row);
    if (v === null) return 'NULL';
    if (typeof v !== 'string') return String(v);
    return needsEscape.test(v) ? `"${v.replace(/["\\]/g, '\\$&')}"` : `"${v}"`;
  });
  return `{${items.join(',')}}`;
}

/**
 * JSON texts joined by a control character (JSON.stringify never leaves one unescaped), for
 * `string_to_array(…, E'\\x1e')`: an array literal would need every quote of every status
 * escaped, which cost more than the engine's evaluation.
 */
const jsonTexts = (texts: readonly string[]) => texts.join('\x1e');

/** Write these pairings' statuses, replacing what was stored for them. */
export async function writeCompliance(db: Db, stored: readonly Stored[]) {
  if (stored.length === 0) return;
  const rows = stored.map((s) => s.row);
  const ids = arrayOf(rows, (r) => r.pairing_id);
  await db.execute(sql`insert into pairing_compliance (pairing_id, at, urban_path, rural_path,
      met, due, due_soon, missed, late, next_due, hash)
    select * from unnest(${ids}::bigint[], ${arrayOf(rows, (r) => r.at)}::date[],
      ${arrayOf(rows, (r) => r.urban_path)}::text[], ${arrayOf(rows, (r) => r.rural_path)}::text[],
      ${arrayOf(rows, (r) => r.met)}::int[], ${arrayOf(rows, (r) => r.due)}::int[],
      ${arrayOf(rows, (r) => r.due_soon)}::int[], ${arrayOf(rows, (r) => r.missed)}::int[],
      ${arrayOf(rows, (r) => r.late)}::int[], ${arrayOf(rows, (r) => r.next_due)}::date[],
      ${arrayOf(rows, (r) => r.hash)}::text[])
    on conflict (pairing_id) do update set at = excluded.at, urban_path = excluded.urban_path,
      rural_path = excluded.rural_path, met = excluded.met, due = excluded.due,
      due_soon = excluded.due_soon, missed = excluded.missed, late = excluded.late,
      next_due = excluded.next_due, hash = excluded.hash, computed_at = now()`);
  await db.execute(sql`insert into pairing_status (pairing_id, status)
    select * from unnest(${ids}::bigint[],
      string_to_array(${jsonTexts(stored.map((s) => s.status))}, E'\\x1e')::json[])
    on conflict (pairing_id) do update set status = excluded.status`);
  await db.execute(sql`delete from pairing_rule_status where pairing_id = any(${ids}::bigint[])`);
  const rules = stored.flatMap((s) => s.rules);
  if (rules.length > 0) {
    await db.execute(sql`insert into pairing_rule_status (pairing_id, rule, status, periods)
      select * from unnest(${arrayOf(rules, (r) => r.pairing_id)}::bigint[],
        ${arrayOf(rules, (r) => r.rule)}::text[], ${arrayOf(rules, (r) => r.status)}::entry_status[],
        ${arrayOf(rules, (r) => r.periods)}::int[])`);
  }
  await db.execute(sql`delete from pairing_duties where pairing_id = any(${ids}::bigint[])`);
  const duties = stored.flatMap((s) => s.duties.map((duty) => ({ id: s.row.pairing_id, duty })));
  if (duties.length > 0) {
    await db.execute(sql`insert into pairing_duties (pairing_id, rule, period, period_from,
        period_to, due, person, category, required, actual, missed)
      select * from unnest(${arrayOf(duties, (d) => d.id)}::bigint[],
        ${arrayOf(duties, (d) => d.duty.rule)}::text[],
        ${arrayOf(duties, (d) => d.duty.period)}::text[],
        ${arrayOf(duties, (d) => d.duty.periodFrom)}::date[],
        ${arrayOf(duties, (d) => d.duty.periodTo)}::date[],
        ${arrayOf(duties, (d) => d.duty.due)}::date[],
        ${arrayOf(duties, (d) => d.duty.person)}::text[],
        ${arrayOf(duties, (d) => d.duty.category)}::text[],
        ${arrayOf(duties, (d) => d.duty.required)}::bigint[],
        ${arrayOf(duties, (d) => d.duty.actual)}::bigint[],
        ${arrayOf(duties, (d) => d.duty.missed)}::boolean[])`);
  }
}

/** What the store holds for the pairing, as its packed ledger row read it. */
export const priorOf = (row: PackedLedger) =>
  row.storedHash === null || row.storedAt === null
    ? undefined
    : { hash: row.storedHash, at: row.storedAt };

/** What a batch has to store: pairings whose answer changed, and those whose day only moved. */
export type Assessment = {
  changed: Stored[];
  moved: number[];
  failed: { id: number; error: unknown }[];
};

export const newAssessment = (): Assessment => ({ changed: [], moved: [], failed: [] });

/**
 * Evaluate one pairing's ledger as of `at` and note what to store, given what is stored (`prior`).
 * A ledger the engine refuses is noted in `failed` when `tolerate` is set, else thrown.
 */
export function assess(
  into: Assessment,
  head: PairingHead,
  ledger: Ledger,
  at: string,
  prior: { hash: string; at: string } | undefined,
  tolerate: boolean,
) {
  let status: ComplianceStatus;
  try {
    status = evaluate(ledger, at);
  } catch (error) {
    if (!tolerate) throw error;
    into.failed.push({ id: head.id, error });
    return;
  }
  const hash = digest(head, status);
  if (prior?.hash !== hash) into.changed.push(storedRows(head, status, hash));
  else if (prior.at !== at) into.moved.push(head.id);
}

/** Store an assessment: changed pairings rewritten, the others' day moved to `at`. */
export async function writeAssessment(db: Db, assessment: Assessment, at: string) {
  await writeCompliance(db, assessment.changed);
  if (assessment.moved.length > 0) {
    await db.execute(sql`update pairing_compliance set at = ${at}::date, computed_at = now()
      where pairing_id = any(${`{${assessment.moved.join(',')}}`}::bigint[])`);
  }
}

/**
 * Recompute and store the compliance of these pairings as of `at` (YYYY-MM-DD). Call it inside
 * the transaction that changed their records, after `lockPairing`, so what it reads is current.
 */
export async function refreshCompliance(db: Db, ids: readonly number[], at: string) {
  if (ids.length === 0) return;
  const assessment = newAssessment();
  for (const row of await packedLedgersOf(db, ids, at))
    assess(assessment, headOf(row), assembleLedger(row), at, priorOf(row), false);
  await writeAssessment(db, assessment, at);
}
