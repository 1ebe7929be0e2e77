// The side that entered a record takes it back while it is pending and does not count yet.
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import type { Scope } from '../../../lib/scope.ts';
import { changeRecord } from './record-change.ts';

export const withdrawRecord = (db: Db, scope: Scope, clock: Clock, id: number) =>
  changeRecord(db, scope, clock, id, 'withdraw', () => ({ state: 'withdrawn', countsFrom: null }));
