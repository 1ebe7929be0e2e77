// The 八个一 of a year for a page of members: their records, and each duty's status from the
// policy pack (packages/policy `mobileDutyStates`, R-MOBILE-REPORT).
import { mobileDutyStates, type MobileDuty } from '@pairing/policy';
import type { MobileDutyView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { queryRows } from '../../lib/rows.ts';
import type { MemberRow } from './access.ts';

type DutyRecordRow = { memberId: number; duty: MobileDuty; date: string; content: string };

/** The time he was away: none before he was sent. */
export const awaySpan = (row: Pick<MemberRow, 'state' | 'leaveDate' | 'returnedOn'>) =>
  row.state === 'registered' || row.leaveDate === null
    ? null
    : { from: row.leaveDate, to: row.returnedOn };

/** Each member's duties of `year` as of `today`, by member id. */
export async function dutiesOf(
  db: Db,
  rows: readonly MemberRow[],
  year: number,
  today: string,
): Promise<Map<number, MobileDutyView[]>> {
  const ids = rows.map((r) => r.id);
  const records =
    ids.length === 0
      ? []
      : await queryRows<DutyRecordRow>(
          db,
          sql`select member_id::int as "memberId", duty, date::text as date, content
            from mobile_duty_records
            where member_id = any(${`{${ids.join(',')}}`}::bigint[]) and year = ${year}`,
        );
  return new Map(
    rows.map((row) => {
      const mine = records.filter((r) => r.memberId === row.id);
      const states = mobileDutyStates(year, awaySpan(row), mine, today);
      return [
        row.id,
        states.map((s) => ({
          ...s,
          content: mine.find((r) => r.duty === s.duty)?.content ?? null,
        })),
      ];
    }),
  );
}
