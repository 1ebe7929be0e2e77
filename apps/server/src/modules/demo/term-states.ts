// Mutual confirmation of the demo's records (issue 12 item 4): most were confirmed by the other
// side within days, some still await it (counting 14 days after entry), a few were objected to
// and some of those settled by the town. Every step happens by yesterday, so nothing lies ahead
// of the seeder's clock whatever its hour.
import { CONFIRMATION_DAYS, type RecordState } from '@pairing/shared';
import type { ledgerRecords } from '../ledger/schema.ts';
import { addDays, chinaTime, daysBetween, minDay } from './days.ts';
import type { seededRandom } from './rng.ts';
import type { PlannedRecord } from './term-records.ts';
import type { DemoPairing } from './term-signing.ts';
import { objectionReasons, settlementNotes } from './term-texts.ts';

type Rng = ReturnType<typeof seededRandom>;
export type RecordRow = typeof ledgerRecords.$inferInsert;

/** A state to give a record whatever the draw (the showcase pairing's recent records). */
export type ForcedState = 'pending' | 'disputed';

const reasonFor = (record: PlannedRecord) =>
  objectionReasons[
    record.content.type === 'fund'
      ? 1
      : record.content.type === 'visit'
        ? 2
        : record.side === 'rural'
          ? 3
          : 0
  ];

export function lifecycle(
  rng: Rng,
  record: PlannedRecord,
  pairing: DemoPairing,
  today: string,
  forced?: ForcedState,
): RecordRow {
  const horizon = addDays(today, -1);
  const { content, side } = record;
  const delay = content.type === 'report' ? 0 : rng.next() < 0.7 ? rng.int(0, 2) : rng.int(3, 7);
  const enteredOn = minDay(addDays(content.date, delay), horizon);
  const enteredHour = rng.int(8, 19);
  const own = side === 'urban' ? pairing.urbanUser : pairing.ruralUser;
  const other = side === 'urban' ? pairing.ruralUser : pairing.urbanUser;
  const room = daysBetween(enteredOn, horizon);
  /** A moment `days` after entry (the same day: later than the entry). */
  const after = (days: number) =>
    chinaTime(
      addDays(enteredOn, days),
      days === 0 ? Math.min(21, enteredHour + rng.int(1, 2)) : rng.int(8, 21),
      rng.int(0, 59),
    );
  const dayOf = (days: number) => addDays(enteredOn, days);

  const roll = rng.next();
  const old = room >= CONFIRMATION_DAYS;
  let state: RecordState =
    forced ??
    (old
      ? roll < 0.87
        ? 'confirmed'
        : roll < 0.95
          ? 'pending'
          : roll < 0.96
            ? 'disputed'
            : roll < 0.98
              ? 'upheld'
              : roll < 0.995
                ? 'rejected'
                : 'withdrawn'
      : roll < 0.4
        ? 'confirmed'
        : roll < 0.93
          ? 'pending'
          : 'disputed');
  const row: RecordRow = {
    pairingId: pairing.id,
    provinceCode: pairing.village.provinceCode,
    type: content.type,
    side,
    date: content.date,
    content,
    rosterIds: 'people' in content ? content.people.rosterIds : [],
    department: content.type === 'visit' && content.department,
    category: content.type === 'activity' ? content.category : null,
    amount: content.type === 'fund' ? content.amount : null,
    period: content.type === 'report' ? content.quarter : null,
    state,
    countsFrom: null,
    enteredAt: chinaTime(enteredOn, enteredHour, rng.int(0, 59)),
    enteredBy: own,
  };
  row.updatedAt = row.enteredAt;
  if (state === 'confirmed') {
    const k = rng.int(0, Math.min(10, room));
    row.confirmedAt = after(k);
    row.confirmedBy = other;
    row.countsFrom = dayOf(k);
    row.updatedAt = row.confirmedAt;
  } else if (state === 'pending') {
    row.countsFrom = dayOf(CONFIRMATION_DAYS);
  } else if (state === 'withdrawn') {
    row.updatedAt = after(rng.int(0, Math.min(5, room)));
  } else {
    // Objected to while it did not count yet; the town settles some of them a few days later.
    const k = rng.int(0, Math.min(CONFIRMATION_DAYS - 1, room));
    row.objectedAt = after(k);
    row.objectedBy = other;
    row.objectionReason = reasonFor(record);
    row.updatedAt = row.objectedAt;
    const settleIn = k + rng.int(3, 20);
    if (state !== 'disputed' && settleIn <= room) {
      const count = state === 'upheld';
      row.settledAt = after(settleIn);
      row.settledBy = pairing.townUser;
      row.settlementNote = count ? settlementNotes.count : settlementNotes.reject;
      row.countsFrom = count ? dayOf(settleIn) : null;
      row.updatedAt = row.settledAt;
    } else {
      state = 'disputed';
      row.state = state;
    }
  }
  return row;
}
