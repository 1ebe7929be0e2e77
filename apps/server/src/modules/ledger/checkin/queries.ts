// Reads of check-ins: the roster a participant picks from, the public view of a code, and the
// organizer's live list.
import type { CheckinList, PublicCheckinView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { queryRows, type RowTime } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadRecordScoped } from '../access.ts';
import { presentCheckinList, presentPublicCheckin } from './present.ts';
import { loadByCode } from './record-access.ts';
import { ensure } from '../policy.ts';
import { ensureStillOpen, openRefusal, recordSubject } from './rules.ts';
import { hashCheckinToken } from './token.ts';

export type RosterName = { id: number; name: string };

// The roster entries in office on the event's day: those are the people who could have attended.
const inOfficeOn = (date: string) =>
  sql`pr.from_date <= ${date}::date and (pr.to_date is null or pr.to_date >= ${date}::date)`;

export function rosterOn(db: Db, pairingId: number, date: string) {
  return queryRows<RosterName>(
    db,
    sql`select pr.id::int as id, pr.name from pairing_roster pr
      where pr.pairing_id = ${pairingId} and ${inOfficeOn(date)}
      order by pr.id`,
  );
}

/** The entry if it is on this pairing's roster on that day; another pairing's is not. */
export async function rosterEntryOn(
  db: Db,
  pairingId: number,
  date: string,
  rosterId: number,
): Promise<RosterName | undefined> {
  const [entry] = await queryRows<RosterName>(
    db,
    sql`select pr.id::int as id, pr.name from pairing_roster pr
      where pr.id = ${rosterId} and pr.pairing_id = ${pairingId} and ${inOfficeOn(date)}`,
  );
  return entry;
}

/** What the scanned code shows: 404 for an unknown or expired code, 409 once the record closed. */
export async function publicCheckin(
  db: Db,
  clock: Clock,
  token: string,
): Promise<PublicCheckinView> {
  const now = clock.now();
  const { expiresAt, record, pairing } = await loadByCode(db, hashCheckinToken(token), now);
  ensureStillOpen(record, now);
  const roster = await rosterOn(db, record.pairingId, record.date);
  return presentPublicCheckin(record, pairing, roster, expiresAt);
}

export type CheckinRow = { id: number; rosterId: number | null; name: string; at: RowTime };

/** Who checked in to a record the caller may see, and until when its current code works. */
export async function listCheckins(
  db: Db,
  clock: Clock,
  scope: Scope,
  recordId: number,
): Promise<CheckinList> {
  const { record, pairing } = await loadRecordScoped(db, scope, recordId);
  const now = clock.now();
  ensure(scope, 'read', recordSubject(record, pairing, now));
  const rows = await queryRows<CheckinRow>(
    db,
    sql`select ci.id::int as id, ci.roster_id::int as "rosterId", ci.name,
        ci.created_at::text as at
      from checkins ci where ci.record_id = ${recordId} order by ci.id`,
  );
  const [open] = await queryRows<{ expiresAt: RowTime }>(
    db,
    sql`select max(c.expires_at)::text as "expiresAt" from checkin_codes c
      where c.record_id = ${recordId} and c.expires_at > ${now.toISOString()}::timestamptz`,
  );
  return presentCheckinList(rows, open?.expiresAt ?? null, {
    open: openRefusal(scope, record, pairing, now) === null,
  });
}
