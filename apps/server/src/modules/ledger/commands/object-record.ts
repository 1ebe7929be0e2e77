// The other side objects to a pending record before it counts: it stops counting until the
// town or district admin settles it (issue 12 item 4).
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Scope } from '../../../lib/scope.ts';
import { changeRecord } from './record-change.ts';

export const objectToRecord = (
  db: Db,
  scope: Scope,
  clock: Clock,
  id: number,
  input: { reason: string },
) =>
  changeRecord(db, scope, clock, id, 'object', (_record, _today, now) => ({
    state: 'disputed',
    countsFrom: null,
    objectedAt: now,
    objectedBy: scope.userId,
    objectionReason: input.reason,
  }));
