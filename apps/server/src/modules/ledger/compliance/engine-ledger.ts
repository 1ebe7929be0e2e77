// The engine's ledger of a pairing as of a day (issue 12 item 7): the pairing's term and pack, the
// roster as the people, and the records that count on that day as events. Built for many pairings
// at once (three queries), so a full recompute reads the database in batches.
import { ACTIVITY_CATEGORIES, type Ledger, type LedgerEvent, type PackId } from '@pairing/policy';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { queryRows } from '../../../lib/rows.ts';

/** What the compliance store needs beside the ledger: the parties' paths for roll-ups. */
export type PairingHead = {
  id: number;
  packId: string;
  termStart: string;
  termEnd: string;
  weakVillage: boolean;
  urbanPath: string;
  ruralPath: string;
};

type RosterRow = { pairingId: number; id: number; role: 'principal' | 'team' | 'lead' | 'member' };

export type EventRow = {
  pairingId: number;
  id: number;
  type: 'visit' | 'activity' | 'fund' | 'report';
  date: string;
  rosterIds: number[];
  department: boolean;
  category: string | null;
  amount: number | null;
  period: string | null;
};

const idArray = (ids: readonly number[]) => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;

const engineCategories: ReadonlySet<string> = new Set(ACTIVITY_CATEGORIES);

export async function pairingHeads(db: Db, ids: readonly number[]): Promise<PairingHead[]> {
  return queryRows<PairingHead>(
    db,
    sql`select pa.id::int as id, pa.pack_id as "packId", pa.term_start::text as "termStart",
        pa.term_end::text as "termEnd", r.weak_village as "weakVillage",
        u.path as "urbanPath", r.path as "ruralPath"
      from pairing_agreements pa
      join org_directory u on u.id = pa.urban_org_id
      join org_directory r on r.id = pa.rural_org_id
      where pa.id = any(${idArray(ids)}::bigint[])
      order by pa.id`,
  );
}

/** Roster entries in office by `at` (started on or before it). */
const rosterRows = (db: Db, ids: readonly number[], at: string) =>
  queryRows<RosterRow>(
    db,
    sql`select pairing_id::int as "pairingId", id::int as id, role from pairing_roster
      where pairing_id = any(${idArray(ids)}::bigint[]) and from_date <= ${at}::date
      order by pairing_id, id`,
  );

/** Records counting on `at` that the engine knows, in date order. */
const eventRows = (db: Db, ids: readonly number[], at: string) =>
  queryRows<EventRow>(
    db,
    sql`select pairing_id::int as "pairingId", id::int as id, type::text as type,
        date::text as date, coalesce(array(select x::int from unnest(roster_ids) x), '{}')
        as "rosterIds", department, category, amount::float8 as amount, period
      from ledger_records
      where pairing_id = any(${idArray(ids)}::bigint[]) and counts_from <= ${at}::date
        and type in ('visit', 'activity', 'fund', 'report')
      order by pairing_id, date, id`,
  );

/** One event as the engine's ledger contract writes it, or null for what no rule reads. */
function toEvent(row: EventRow, people: ReadonlySet<string>): LedgerEvent | null {
  const id = `r${row.id}`;
  switch (row.type) {
    case 'visit':
      return {
        id,
        type: 'visit',
        date: row.date,
        people: row.rosterIds.map((p) => `p${p}`).filter((p) => people.has(p)),
        department: row.department,
      };
    case 'activity':
      return row.category && engineCategories.has(row.category)
        ? { id, type: 'activity', date: row.date, category: row.category as never }
        : null;
    case 'fund':
      return { id, type: 'fund', date: row.date, amount: row.amount ?? 0 };
    case 'report':
      return { id, type: 'report', date: row.date, period: row.period ?? '' };
  }
}

/** Assemble ledgers from the rows the three queries read (pure; the benchmark times it alone). */
export function assembleLedgers(
  heads: readonly PairingHead[],
  roster: readonly RosterRow[],
  events: readonly EventRow[],
): Map<number, Ledger> {
  const ledgers = new Map<number, Ledger>();
  const people = new Map<number, Set<string>>();
  for (const h of heads) {
    ledgers.set(h.id, {
      pack: h.packId as PackId,
      pairing: {
        termStart: h.termStart,
        termEnd: h.termEnd,
        weakVillage: h.weakVillage,
        people: [],
      },
      events: [],
    });
    people.set(h.id, new Set());
  }
  for (const r of roster) {
    const ledger = ledgers.get(r.pairingId);
    if (!ledger) continue;
    ledger.pairing.people!.push({ id: `p${r.id}`, role: r.role });
    people.get(r.pairingId)!.add(`p${r.id}`);
  }
  for (const e of events) {
    const ledger = ledgers.get(e.pairingId);
    if (!ledger) continue;
    const event = toEvent(e, people.get(e.pairingId)!);
    if (event) ledger.events.push(event);
  }
  return ledgers;
}

/** The engine ledgers of the given pairings as of `at`, keyed by pairing id. */
export async function buildLedgers(
  db: Db,
  ids: readonly number[],
  at: string,
): Promise<{ heads: PairingHead[]; ledgers: Map<number, Ledger> }> {
  if (ids.length === 0) return { heads: [], ledgers: new Map() };
  const [heads, roster, events] = await Promise.all([
    pairingHeads(db, ids),
    rosterRows(db, ids, at),
    eventRows(db, ids, at),
  ]);
  return { heads, ledgers: assembleLedgers(heads, roster, events) };
}
