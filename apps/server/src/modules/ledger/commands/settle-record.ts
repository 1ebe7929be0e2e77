// A town, district or city admin above the village settles a dispute: upheld, it counts from the
// settlement day; rejected, it never counts.
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Scope } from '../../../lib/scope.ts';
import { changeRecord } from './record-change.ts';

export const settleRecord = (
  db: Db,
  scope: Scope,
  clock: Clock,
  id: number,
  input: { decision: 'count' | 'reject'; note: string },
) =>
  changeRecord(db, scope, clock, id, 'settle', (_record, today, now) => ({
    state: input.decision === 'count' ? 'upheld' : 'rejected',
    countsFrom: input.decision === 'count' ? today : null,
    settledAt: now,
    settledBy: scope.userId,
    settlementNote: input.note,
  }));
