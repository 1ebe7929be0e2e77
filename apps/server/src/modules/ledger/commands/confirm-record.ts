// The other side confirms a pending record: it counts from today, or from the day it already
// counted if the 14 days had passed (counts_from = least of the two).
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Scope } from '../../../lib/scope.ts';
import { changeRecord } from './record-change.ts';

export const confirmRecord = (db: Db, scope: Scope, clock: Clock, id: number) =>
  changeRecord(db, scope, clock, id, 'confirm', (record, today, now) => ({
    state: 'confirmed',
    countsFrom: record.countsFrom !== null && record.countsFrom < today ? record.countsFrom : today,
    confirmedAt: now,
    confirmedBy: scope.userId,
  }));
