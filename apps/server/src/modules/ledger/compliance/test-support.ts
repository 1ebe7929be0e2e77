// Test fixtures for the compliance store: records written straight into ledger_records with the
// state and counting day a test needs, and the engine's ledger those records make, built here
// independently of the store's own reading.
import type { Ledger, LedgerEvent } from '@pairing/policy';
import type { RecordState, RosterRole } from '@pairing/shared';
import type { TestEnv } from '../../../../test/harness.ts';
import { ledgerRecords } from '../schema.ts';

export type RecordSpec = {
  type: 'visit' | 'activity' | 'fund' | 'report' | 'progress';
  date: string;
  /** Null: it does not count (disputed, rejected, withdrawn). */
  countsFrom: string | null;
  state?: RecordState;
  rosterIds?: number[];
  department?: boolean;
  category?: string;
  amount?: number;
  period?: string;
};

/** Insert records for the pairing as entered by `userId`; answers their ids. */
export async function insertRecords(
  env: TestEnv,
  pairingId: number,
  userId: number,
  specs: RecordSpec[],
): Promise<number[]> {
  if (specs.length === 0) return [];
  const rows = await env.dbh.db
    .insert(ledgerRecords)
    .values(
      specs.map((r) => ({
        pairingId,
        provinceCode: '31',
        type: r.type,
        side: 'urban' as const,
        date: r.date,
        content: { type: r.type, date: r.date } as never,
        rosterIds: r.rosterIds ?? [],
        department: r.department ?? false,
        category: r.category ?? null,
        amount: r.amount ?? null,
        period: r.period ?? null,
        state: r.state ?? (r.countsFrom === null ? 'disputed' : 'confirmed'),
        countsFrom: r.countsFrom,
        enteredAt: new Date(`${r.date}T10:00:00+08:00`),
        enteredBy: userId,
      })),
    )
    .returning({ id: ledgerRecords.id });
  return rows.map((r) => r.id);
}

const engineCategories = new Set([
  'joint_meeting',
  'work_plan',
  'party_lesson',
  'culture_sports',
  'volunteer_service',
  'resident_visit',
  'symposium',
  'training',
]);

/**
 * The engine's ledger as of `at` by the brief's mapping, written out plainly: roster entries that
 * started by `at`, records counting by `at` as events (visits keep the roster members present).
 */
export function expectedLedger(
  pairing: { pack: string; termStart: string; termEnd: string; weakVillage: boolean },
  roster: { id: number; role: RosterRole; from: string }[],
  records: (RecordSpec & { id: number })[],
  at: string,
): Ledger {
  const people = roster.filter((p) => p.from <= at).map((p) => ({ id: `p${p.id}`, role: p.role }));
  const present = new Set(people.map((p) => p.id));
  const events: LedgerEvent[] = [];
  for (const r of records) {
    if (r.countsFrom === null || r.countsFrom > at) continue;
    const id = `r${r.id}`;
    if (r.type === 'visit') {
      events.push({
        id,
        type: 'visit',
        date: r.date,
        people: (r.rosterIds ?? []).map((p) => `p${p}`).filter((p) => present.has(p)),
        department: r.department ?? false,
      });
    } else if (r.type === 'activity' && r.category && engineCategories.has(r.category)) {
      events.push({ id, type: 'activity', date: r.date, category: r.category as never });
    } else if (r.type === 'fund') {
      events.push({ id, type: 'fund', date: r.date, amount: r.amount ?? 0 });
    } else if (r.type === 'report') {
      events.push({ id, type: 'report', date: r.date, period: r.period ?? '' });
    }
  }
  return {
    pack: pairing.pack as Ledger['pack'],
    pairing: {
      termStart: pairing.termStart,
      termEnd: pairing.termEnd,
      weakVillage: pairing.weakVillage,
      people,
    },
    events,
  };
}
