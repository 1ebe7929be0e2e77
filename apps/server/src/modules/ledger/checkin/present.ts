// How check-ins leave the server. The public view carries the event and the roster's names only:
// no posts, phones or who has checked in so far.
import type { CheckinList, PublicCheckinView } from '@pairing/shared';
import { isoTime, isoTimeOrNull, type RowTime } from '../../../lib/rows.ts';
import type { PairingRow } from '../access.ts';
import type { LedgerRecordRow } from '../record-row.ts';
import type { CheckinRow, RosterName } from './queries.ts';

export function presentPublicCheckin(
  record: LedgerRecordRow,
  pairing: PairingRow,
  roster: RosterName[],
  expiresAt: RowTime,
): PublicCheckinView {
  const content = record.content;
  const activity = content.type === 'activity' ? content : null;
  return {
    type: record.type === 'visit' ? 'visit' : 'activity',
    date: record.date,
    place: 'place' in content ? (content.place ?? '') : '',
    category: activity?.category ?? null,
    categoryLabel: activity?.categoryLabel || null,
    urbanName: pairing.urbanName,
    ruralName: pairing.ruralName,
    roster: roster.map(({ id, name }) => ({ id, name })),
    expiresAt: isoTime(expiresAt),
  };
}

export function presentCheckinList(
  rows: CheckinRow[],
  openUntil: RowTime | null,
  abilities: CheckinList['abilities'],
): CheckinList {
  return {
    openUntil: isoTimeOrNull(openUntil),
    checkins: rows.map((r) => ({
      id: r.id,
      rosterId: r.rosterId,
      name: r.name,
      at: isoTime(r.at),
    })),
    abilities,
  };
}
