// The engine's ledger of a pairing as of a day (issue 12 item 7): the pairing's term and pack, the
// roster as the people, and the records that count on that day as events. Built for many pairings
// at once by one query that answers a row per pairing with its roster and its events packed as
// text (numbers and codes only), because a full recompute reads 30 records per pairing and
// shipping them as rows costs more than the engine spends on them.
import { ACTIVITY_CATEGORIES, type Ledger, type LedgerEvent, type PackId } from '@pairing/policy';
import { rosterRoles } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
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

/**
 * A pairing's head with its roster and events packed by the query, null when there are none.
 * Roster entries `p<id>:role` joined by `,` (role = index in rosterRoles). Events joined by `;`,
 * each the record's `engine_event` column (migration 0015, `ledger_engine_event`):
 * `r<id>,day,type,…` (day = days since 1970-01-01) followed by what its type needs: 0 visit
 * `,department(0|1),people` (`p<roster id>` joined by spaces); 1 activity `,category` (index in
 * ACTIVITY_CATEGORIES); 2 fund `,amount`; 3 report `,period`.
 */
export type PackedLedger = PairingHead & {
  roster: string | null;
  events: string | null;
  /** What the compliance store holds for the pairing now (its digest and day), if anything. */
  storedHash: string | null;
  storedAt: string | null;
};

const idArray = (ids: readonly number[]) => `{${ids.map((n) => Math.trunc(n)).join(',')}}`;
const textArray = (items: readonly string[]) => `{${items.join(',')}}`;

/**
 * The packed ledgers of the pairings `which` selects (a condition on `pa`, the pairing), as of
 * `at`. `records` bounds the pairing ids for the roster and record scans (a range for a batch, so
 * they are index range scans); `limit` cuts a keyset batch.
 */
function packedLedgers(db: Db, which: SQL, records: SQL, at: string, limit?: number) {
  return queryRows<PackedLedger>(
    db,
    sql`with h as (
        select pa.id, pa.pack_id, pa.term_start, pa.term_end, r.weak_village,
          u.path as urban_path, r.path as rural_path, pc.hash, pc.at
        from pairing_agreements pa
        join org_directory u on u.id = pa.urban_org_id
        join org_directory r on r.id = pa.rural_org_id
        left join pairing_compliance pc on pc.pairing_id = pa.id
        where ${which} order by pa.id ${limit === undefined ? sql`` : sql`limit ${limit}`}
      )
      select h.id::int as id, h.pack_id as "packId", h.term_start::text as "termStart",
        h.term_end::text as "termEnd", h.weak_village as "weakVillage",
        h.urban_path as "urbanPath", h.rural_path as "ruralPath",
        ro.packed as roster, ev.packed as events, h.hash as "storedHash", h.at::text as "storedAt"
      from h
      left join (
        select pairing_id, string_agg('p' || id || ':' || (array_position(
            ${textArray(rosterRoles)}::text[], role::text) - 1), ',') as packed
        from pairing_roster
        where ${records} and from_date <= ${at}::date
        group by pairing_id
      ) ro on ro.pairing_id = h.id
      left join (
        select pairing_id, string_agg(engine_event, ';') as packed
        from ledger_records
        where ${records} and counts_from <= ${at}::date and engine_event is not null
        group by pairing_id
      ) ev on ev.pairing_id = h.id
      order by h.id`,
  );
}

/** The packed ledgers of the given pairings as of `at`. */
export function packedLedgersOf(db: Db, ids: readonly number[], at: string) {
  const list = idArray(ids);
  return packedLedgers(
    db,
    sql`pa.id = any(${list}::bigint[])`,
    sql`pairing_id = any(${list}::bigint[])`,
    at,
  );
}

/**
 * The pairings after id `after` in id order (keyset), the next `limit` of them or all up to id
 * `upTo`, packed as of `at`.
 */
export function packedLedgersAfter(
  db: Db,
  after: number,
  limit: number | null,
  at: string,
  upTo: number | null = null,
) {
  return packedLedgers(
    db,
    upTo === null ? sql`pa.id > ${after}` : sql`pa.id > ${after} and pa.id <= ${upTo}`,
    sql`pairing_id > ${after} and pairing_id <= (select max(id) from h)`,
    at,
    limit ?? undefined,
  );
}

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

// Day numbers to YYYY-MM-DD, cached: a recompute meets the same few thousand days millions of times.
const dayTexts = new Map<number, string>();
function dayText(day: number): string {
  let text = dayTexts.get(day);
  if (text === undefined) {
    text = new Date(day * 86_400_000).toISOString().slice(0, 10);
    dayTexts.set(day, text);
  }
  return text;
}

const one = 49;

/** The decimal number in `text` from `start` to just before the first of `end`. */
function digitsAt(text: string, start: number, end: number) {
  let n = 0;
  for (let i = start; i < end; i++) n = n * 10 + text.charCodeAt(i) - 48;
  return n;
}

/**
 * The events packed in `text` (see PackedLedger), parsed in place: ids and periods are slices of
 * it, dates cached, people the roster's own strings (found by roster id), so a recompute makes
 * few strings of its own.
 */
function unpackEvents(text: string, people: ReadonlyMap<number, string>, into: LedgerEvent[]) {
  for (let start = 0; start < text.length;) {
    let end = text.indexOf(';', start);
    if (end < 0) end = text.length;
    const idEnd = text.indexOf(',', start);
    const dayEnd = text.indexOf(',', idEnd + 1);
    const id = text.slice(start, idEnd);
    const date = dayText(digitsAt(text, idEnd + 1, dayEnd));
    // The type is one digit; what its type needs follows the comma after it.
    const details = dayEnd + 3;
    switch (text.charCodeAt(dayEnd + 1) - 48) {
      case 0: {
        const visitors: string[] = [];
        // `p<roster id>` joined by spaces, after the department and a comma.
        for (let p = details + 3; p < end;) {
          let q = text.indexOf(' ', p);
          if (q < 0 || q > end) q = end;
          const person = people.get(digitsAt(text, p, q));
          if (person !== undefined) visitors.push(person);
          p = q + 2;
        }
        into.push({
          id,
          type: 'visit',
          date,
          people: visitors,
          department: text.charCodeAt(details) === one,
        });
        break;
      }
      case 1:
        into.push({
          id,
          type: 'activity',
          date,
          category: ACTIVITY_CATEGORIES[digitsAt(text, details, end)],
        });
        break;
      case 2:
        into.push({ id, type: 'fund', date, amount: Number(text.slice(details, end)) });
        break;
      default:
        into.push({ id, type: 'report', date, period: text.slice(details, end) });
    }
    start = end + 1;
  }
}

/**
 * The engine's ledger of one packed row (pure; the benchmark times it apart). Events come in no
 * particular order: the engine's answer does not depend on it (a property the policy package
 * tests); `buildLedgers` sorts them for those who show the ledger.
 */
export function assembleLedger(row: PackedLedger): Ledger {
  const people: { id: string; role: (typeof rosterRoles)[number] }[] = [];
  const byRosterId = new Map<number, string>();
  if (row.roster !== null) {
    for (const entry of row.roster.split(',')) {
      const colon = entry.indexOf(':');
      const id = entry.slice(0, colon);
      people.push({ id, role: rosterRoles[entry.charCodeAt(colon + 1) - 48] });
      byRosterId.set(digitsAt(entry, 1, colon), id);
    }
  }
  const events: LedgerEvent[] = [];
  if (row.events !== null) unpackEvents(row.events, byRosterId, events);
  return {
    pack: row.packId as PackId,
    pairing: {
      termStart: row.termStart,
      termEnd: row.termEnd,
      weakVillage: row.weakVillage,
      people,
    },
    events,
  };
}

export const headOf = (row: PackedLedger): PairingHead => ({
  id: row.id,
  packId: row.packId,
  termStart: row.termStart,
  termEnd: row.termEnd,
  weakVillage: row.weakVillage,
  urbanPath: row.urbanPath,
  ruralPath: row.ruralPath,
});

const byDateThenId = (a: LedgerEvent, b: LedgerEvent) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : Number(a.id.slice(1)) - Number(b.id.slice(1));

/** The engine ledgers of the given pairings as of `at`, keyed by pairing id, events by date. */
export async function buildLedgers(
  db: Db,
  ids: readonly number[],
  at: string,
): Promise<{ heads: PairingHead[]; ledgers: Map<number, Ledger> }> {
  if (ids.length === 0) return { heads: [], ledgers: new Map() };
  const rows = await packedLedgersOf(db, ids, at);
  const ledgers = new Map<number, Ledger>();
  for (const row of rows) {
    const ledger = assembleLedger(row);
    ledger.events.sort(byDateThenId);
    ledgers.set(row.id, ledger);
  }
  return { heads: rows.map(headOf), ledgers };
}
