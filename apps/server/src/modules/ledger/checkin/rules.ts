// When a record takes check-ins. Opening a code adds people to the record as attaching adds
// evidence, so it follows the ledger policy's `attach`: the record's own side, while the record is
// pending and does not count yet (a counted record is what the other side confirmed).
import type { RecordType } from '@pairing/shared';
import { AppError, conflict } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { chinaDay } from '../../rounds/dates.ts';
import type { PairingRow } from '../access.ts';
import { refusal, type RecordSubject } from '../policy.ts';
import { countsOn, type LedgerRecordRow } from '../record-row.ts';
import { isEventDay } from './expiry.ts';

/** The record types that have people to check in. */
export const checkinTypes: readonly RecordType[] = ['visit', 'activity'];

export const takesCheckins = (record: Pick<LedgerRecordRow, 'type'>) =>
  checkinTypes.includes(record.type);

export function recordSubject(
  record: LedgerRecordRow,
  pairing: PairingRow,
  now: Date,
): RecordSubject {
  return {
    urbanPath: pairing.urbanPath,
    ruralPath: pairing.ruralPath,
    side: record.side,
    state: record.state,
    counts: countsOn(record, chinaDay(now)),
  };
}

/** Why the caller may not open a code for the record now (403 or 409), or null. */
export function openRefusal(
  scope: Scope,
  record: LedgerRecordRow,
  pairing: PairingRow,
  now: Date,
): AppError | null {
  const refused = refusal(scope, 'attach', recordSubject(record, pairing, now));
  if (refused) return refused;
  if (!takesCheckins(record)) {
    return conflict('checkin_not_applicable', '只有走访和活动记录可以扫码签到');
  }
  if (!isEventDay(record.date, now)) {
    return conflict('checkin_day_over', '只能在活动当天开启扫码签到');
  }
  return null;
}

/** 409 once the record stopped taking people: confirmed, counted, disputed or withdrawn. */
export function ensureStillOpen(record: LedgerRecordRow, now: Date) {
  if (!takesCheckins(record) || record.state !== 'pending' || countsOn(record, chinaDay(now))) {
    throw conflict('checkin_closed', '该记录已确认、计入或撤回，签到已结束');
  }
}
