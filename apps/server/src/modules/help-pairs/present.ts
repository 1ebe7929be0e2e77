// The shapes "1+2" reads and writes answer: a pair with its three people (masked, from the
// registry's `readPeople`), its plan and outcome and the caller's abilities; a help record with
// its photos.
import {
  helpPairActions,
  type HelpKind,
  type HelpPairView,
  type HelpRecordView,
  type PersonSummary,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/client.ts';
import { abilitiesOn } from '../../lib/policy.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { isoTime, isoTimeOrNull, queryRows, type RowTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { displayNameOf } from '../auth/sql.ts';
import { storedFiles } from '../ledger/evidence/read-for-help-pairs.ts';
import { readPeople } from '../people/read.ts';
import { subjectOf, type PairRow } from './access.ts';
import { can } from './policy.ts';

export type Config = AppContext['config'];

export async function presentPairs(
  db: Db,
  config: Config,
  scope: Scope,
  rows: PairRow[],
): Promise<HelpPairView[]> {
  const ids = rows.flatMap((r) => [r.memberId, r.residentId, ...(r.cadreId ? [r.cadreId] : [])]);
  const people = new Map<number, PersonSummary>(
    (await readPeople(db, keyringOf(config), [...new Set(ids)])).map((p) => [p.id, p]),
  );
  return rows.map((row) => ({
    id: row.id,
    pairingId: row.pairingId,
    urbanOrg: { id: row.urbanOrgId, name: row.urbanName },
    ruralOrg: { id: row.ruralOrgId, name: row.ruralName },
    state: row.state,
    member: people.get(row.memberId)!,
    resident: people.get(row.residentId)!,
    cadre: row.cadreId ? people.get(row.cadreId)! : null,
    note: row.note,
    plan: row.plan,
    outcome:
      row.state === 'concluded'
        ? {
            incomeBefore: row.incomeBefore!,
            incomeAfter: row.incomeAfter!,
            outOfDifficulty: row.outOfDifficulty!,
            concludedOn: row.concludedOn!,
            summary: row.summary ?? '',
          }
        : null,
    withdrawReason: row.withdrawReason,
    records: row.records,
    proposedAt: isoTime(row.proposedAt),
    assignedAt: isoTimeOrNull(row.assignedAt),
    abilities: abilitiesOn(can, scope, helpPairActions, subjectOf(row)),
  }));
}

type RecordRow = {
  id: number;
  helpPairId: number;
  kind: HelpKind;
  date: string;
  text: string;
  amount: number | null;
  cadreId: number;
  recordedBy: string | null;
  recordedAs: HelpRecordView['recordedAs'];
  recordedAt: RowTime;
};

/** The records of one pair (newest first), or the one record `recordId`, with their photos. */
export async function presentRecords(
  db: Db,
  scope: Scope,
  pair: PairRow,
  recordId?: number,
): Promise<HelpRecordView[]> {
  const rows = await queryRows<RecordRow>(
    db,
    sql`select hr.id::int as id, hr.help_pair_id::int as "helpPairId", hr.kind,
        hr.date::text as date, hr.text, hr.amount, hr.cadre_id::int as "cadreId",
        ${displayNameOf(sql`hr.recorded_by`)} as "recordedBy",
        hr.recorded_as as "recordedAs", hr.recorded_at::text as "recordedAt"
      from help_records hr
      where hr.help_pair_id = ${pair.id}
        ${recordId === undefined ? sql`` : sql`and hr.id = ${recordId}`}
      order by hr.date desc, hr.id desc`,
  );
  const links = await queryRows<{ recordId: number; fileId: number }>(
    db,
    sql`select record_id::int as "recordId", file_id::int as "fileId" from help_record_photos
      where record_id = any(${`{${rows.map((r) => r.id).join(',')}}`}::bigint[])
      order by record_id, position`,
  );
  const files = new Map(
    (await storedFiles(db, [...new Set(links.map((l) => l.fileId))])).map((f) => [f.id, f]),
  );
  const attach = can(scope, 'attach', subjectOf(pair));
  return rows.map((row) => ({
    ...row,
    recordedBy: row.recordedBy ?? '',
    recordedAt: isoTime(row.recordedAt),
    photos: links
      .filter((l) => l.recordId === row.id)
      .map((l) => files.get(l.fileId)!)
      .map((f) => ({
        id: f.id,
        mime: f.mime,
        width: f.width,
        height: f.height,
        takenAt: f.takenAt,
      })),
    abilities: { attach },
  }));
}
