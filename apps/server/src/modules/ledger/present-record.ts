// A record as every read and write of it answers (`recordView`): its content, the people present
// by name, its state and counting day, the evidence it carries and what the caller may do with it.
import { recordActions, type RecordView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { abilitiesOn } from '../../lib/policy.ts';
import { isoTime, isoTimeOrNull, queryRows, type RowTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { displayNameOf } from '../auth/sql.ts';
import { can, type RecordSubject } from './policy.ts';
import { countsOn, recordColumns, type LedgerRecordRow } from './record-row.ts';

/** A record with the parties' paths (policy) and the names of the users who acted on it. */
export type ScopedRecordRow = LedgerRecordRow & {
  urbanPath: string;
  ruralPath: string;
  enteredByName: string | null;
  objectedByName: string | null;
};

/** `select` list and joins of a record (alias `lr`) with its pairing's parties (`u`, `r`). */
export const scopedRecordColumns = sql`${recordColumns}, u.path as "urbanPath",
  r.path as "ruralPath", ${displayNameOf(sql`lr.entered_by`)} as "enteredByName",
  ${displayNameOf(sql`lr.objected_by`)} as "objectedByName"`;

export const scopedRecordJoins = sql`ledger_records lr
  join pairing_agreements pa on pa.id = lr.pairing_id
  join org_directory u on u.id = pa.urban_org_id
  join org_directory r on r.id = pa.rural_org_id`;

type RosterName = { id: number; name: string; role: RecordView['participants'][number]['role'] };
type EvidenceRow = {
  recordId: number;
  id: number;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  takenAt: RowTime | null;
  dateMismatch: boolean;
};

const idArray = (ids: Iterable<number>) => `{${[...ids].map((n) => Math.trunc(n)).join(',')}}`;

export const recordSubject = (row: ScopedRecordRow, today: string): RecordSubject => ({
  urbanPath: row.urbanPath,
  ruralPath: row.ruralPath,
  side: row.side,
  state: row.state,
  counts: countsOn(row, today),
});

function peopleOf(row: LedgerRecordRow) {
  const c = row.content;
  return c.type === 'visit' || c.type === 'activity' ? c.people.others : [];
}

/** Present records (two queries for all of them: roster names and evidence). */
export async function presentRecords(
  db: Db,
  scope: Scope,
  rows: readonly ScopedRecordRow[],
  today: string,
): Promise<RecordView[]> {
  if (rows.length === 0) return [];
  const rosterIds = new Set(rows.flatMap((r) => r.rosterIds));
  const [roster, evidence] = await Promise.all([
    rosterIds.size === 0
      ? Promise.resolve([] as RosterName[])
      : queryRows<RosterName>(
          db,
          sql`select id::int as id, name, role from pairing_roster
            where id = any(${idArray(rosterIds)}::bigint[])`,
        ),
    queryRows<EvidenceRow>(
      db,
      sql`select re.record_id::int as "recordId", f.id::int as id, f.mime, f.size, f.width,
          f.height, f.taken_at::text as "takenAt", re.date_mismatch as "dateMismatch"
        from record_evidence re join evidence_files f on f.id = re.file_id
        where re.record_id = any(${idArray(rows.map((r) => r.id))}::bigint[])
        order by re.record_id, re.position`,
    ),
  ]);
  const names = new Map(roster.map((r) => [r.id, r]));
  const filesOf = new Map<number, EvidenceRow[]>();
  for (const e of evidence) filesOf.set(e.recordId, [...(filesOf.get(e.recordId) ?? []), e]);
  return rows.map((row) => present(scope, row, today, names, filesOf.get(row.id) ?? []));
}

function present(
  scope: Scope,
  row: ScopedRecordRow,
  today: string,
  names: ReadonlyMap<number, RosterName>,
  files: readonly EvidenceRow[],
): RecordView {
  const settled = row.settledAt !== null && (row.state === 'upheld' || row.state === 'rejected');
  return {
    id: row.id,
    pairingId: row.pairingId,
    side: row.side,
    content: row.content,
    participants: [
      ...row.rosterIds.map((id) => {
        const entry = names.get(id);
        return { rosterId: id, name: entry?.name ?? '', role: entry?.role ?? null };
      }),
      ...peopleOf(row).map((name) => ({ rosterId: null, name, role: null })),
    ],
    state: row.state,
    countsFrom: row.countsFrom,
    counts: countsOn(row, today),
    enteredAt: isoTime(row.enteredAt),
    enteredBy: row.enteredByName ?? '',
    confirmedAt: isoTimeOrNull(row.confirmedAt),
    objection:
      row.objectedAt !== null
        ? {
            reason: row.objectionReason ?? '',
            at: isoTime(row.objectedAt),
            by: row.objectedByName ?? '',
          }
        : null,
    settlement: settled
      ? {
          decision: row.state === 'upheld' ? 'count' : 'reject',
          note: row.settlementNote ?? '',
          at: isoTime(row.settledAt!),
        }
      : null,
    evidence: files.map((f) => ({
      id: f.id,
      mime: f.mime,
      size: f.size,
      width: f.width,
      height: f.height,
      takenAt: isoTimeOrNull(f.takenAt),
      dateMismatch: f.dateMismatch,
    })),
    photoDateMismatch: row.photoDateMismatch,
    abilities: abilitiesOn(can, scope, recordActions, recordSubject(row, today)),
  };
}
