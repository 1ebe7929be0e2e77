// Members, notices and queries as the API shows them, with the caller's abilities.
import {
  mobileMemberActions,
  type MobileMemberView,
  type MobileNotice,
  type MobileQueryView,
  type MobileSide,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { abilitiesOn } from '../../lib/policy.ts';
import type { Keyring } from '../../lib/personal-crypto.ts';
import { isoTime, isoTimeOrNull, queryRows, type RowTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { displayNameOf } from '../auth/sql.ts';
import { readPeople } from '../people/read.ts';
import type { MemberRow } from './access.ts';
import { can } from './policy.ts';

export async function presentMembers(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  rows: readonly MemberRow[],
): Promise<MobileMemberView[]> {
  const people = await readPeople(
    db,
    keyring,
    rows.map((r) => r.personId),
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((row) => ({
    id: row.id,
    person: byId.get(row.personId)!,
    certificateNumber: row.certificateNumber,
    reason: row.reason,
    destination: row.destination,
    outflowOrg: { id: row.outflowOrgId, name: row.outflowName },
    inflowOrg:
      row.inflowOrgId === null ? null : { id: row.inflowOrgId, name: row.inflowName ?? '' },
    state: row.state,
    leaveDate: row.leaveDate,
    trainedOn: row.trainedOn,
    agreementSignedOn: row.agreementSignedOn,
    receivedAt: isoTimeOrNull(row.receivedAt),
    returnedOn: row.returnedOn,
    note: row.note,
    abilities: abilitiesOn(can, scope, mobileMemberActions, row),
  }));
}

type QueryRow = {
  id: number;
  memberId: number;
  fromSide: MobileSide;
  question: string;
  askedBy: string | null;
  askedAt: RowTime;
  deadline: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: RowTime | null;
};

/** The queries about these members, oldest first; `today` decides which are overdue. */
export async function presentQueries(
  db: Db,
  scope: Scope,
  members: readonly MemberRow[],
  today: string,
  onlyId?: number,
): Promise<MobileQueryView[]> {
  if (members.length === 0) return [];
  const byId = new Map(members.map((m) => [m.id, m]));
  const rows = await queryRows<QueryRow>(
    db,
    sql`select q.id::int as id, q.member_id::int as "memberId", q.from_side as "fromSide",
        q.question, ${displayNameOf(sql`q.asked_by`)} as "askedBy", q.asked_at::text as "askedAt",
        q.deadline::text as deadline, q.answer, ${displayNameOf(sql`q.answered_by`)} as "answeredBy",
        q.answered_at::text as "answeredAt"
      from mobile_queries q
      where q.member_id = any(${`{${[...byId.keys()].join(',')}}`}::bigint[])
        ${onlyId === undefined ? sql`` : sql`and q.id = ${onlyId}`}
      order by q.asked_at, q.id`,
  );
  return rows.map((q) => ({
    ...q,
    askedBy: q.askedBy ?? '',
    askedAt: isoTime(q.askedAt),
    answeredAt: isoTimeOrNull(q.answeredAt),
    overdue: q.answer === null && q.deadline < today,
    abilities: {
      answer: can(scope, 'answer', {
        ...byId.get(q.memberId)!,
        fromSide: q.fromSide,
        answered: q.answer !== null,
      }),
    },
  }));
}

/** What the inflow side sees of a member it has not received: name, certificate, its queries. */
export async function presentNotices(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  rows: readonly MemberRow[],
  today: string,
): Promise<MobileNotice[]> {
  const people = await readPeople(
    db,
    keyring,
    rows.map((r) => r.personId),
  );
  const names = new Map(people.map((p) => [p.id, p.name]));
  const queries = await presentQueries(db, scope, rows, today);
  return rows.map((row) => ({
    id: row.id,
    name: names.get(row.personId) ?? '',
    certificateNumber: row.certificateNumber,
    outflowOrg: { id: row.outflowOrgId, name: row.outflowName },
    inflowOrg: { id: row.inflowOrgId!, name: row.inflowName ?? '' },
    destination: row.destination,
    leaveDate: row.leaveDate!,
    state: row.state as 'sent' | 'queried',
    queries: queries.filter((q) => q.memberId === row.id),
    abilities: {
      receive: can(scope, 'receive', row),
      askAsInflow: can(scope, 'askAsInflow', row),
    },
  }));
}
