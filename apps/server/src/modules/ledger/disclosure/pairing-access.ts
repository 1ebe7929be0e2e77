// A pairing (agreements' `pairing_agreements` view) and a record of it, as the disclosure and
// archive routes load them: with both parties from `org_directory`, and only when either party
// lies inside the caller's scope, so an id out of scope is not found (404). The core ledger's
// loader replaces this file when the branches meet.
import type { AgreementContent, RecordInput } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { withinScope } from '../../orgs/sql.ts';

export type PairingRow = {
  id: number;
  packId: string;
  provinceCode: string;
  termStart: string;
  termEnd: string;
  content: AgreementContent;
  urbanOrgId: number;
  urbanName: string;
  urbanPath: string;
  urbanUnitType: string | null;
  /** The district or working committee the unit hangs under (its pooled fund, S1 §9). */
  urbanParentName: string | null;
  ruralOrgId: number;
  ruralName: string;
  ruralPath: string;
};

type Raw = Omit<PairingRow, 'id' | 'urbanOrgId' | 'ruralOrgId'> & {
  id: string | number;
  urbanOrgId: string | number;
  ruralOrgId: string | number;
};

const pairingColumns = sql`pa.id, pa.pack_id as "packId", pa.province_code as "provinceCode",
  pa.term_start::text as "termStart", pa.term_end::text as "termEnd", pa.content,
  u.id as "urbanOrgId", u.name as "urbanName", u.path as "urbanPath",
  u.unit_type as "urbanUnitType", up.name as "urbanParentName",
  r.id as "ruralOrgId", r.name as "ruralName", r.path as "ruralPath"`;

const pairingJoins = sql`pairing_agreements pa
  join org_directory u on u.id = pa.urban_org_id
  left join org_directory up on up.id = u.parent_id
  join org_directory r on r.id = pa.rural_org_id`;

const visibleTo = (scope: Scope) =>
  sql`(${withinScope(sql`u.path`, scope)} or ${withinScope(sql`r.path`, scope)})`;

const pairingOf = (raw: Raw): PairingRow => ({
  ...raw,
  id: Number(raw.id),
  urbanOrgId: Number(raw.urbanOrgId),
  ruralOrgId: Number(raw.ruralOrgId),
});

/** The pairing if either party is inside the caller's scope; 404 otherwise. */
export async function loadPairingScoped(db: Db, scope: Scope, id: number): Promise<PairingRow> {
  const [row] = await queryRows<Raw>(
    db,
    sql`select ${pairingColumns} from ${pairingJoins} where pa.id = ${id} and ${visibleTo(scope)}`,
  );
  if (!row) throw notFound('结对不存在');
  return pairingOf(row);
}

export type RecordRow = {
  id: number;
  pairingId: number;
  type: RecordInput['type'];
  side: 'urban' | 'rural';
  state: string;
  date: string;
  amount: number | null;
  content: RecordInput;
};

/**
 * A record with its pairing, when the caller's scope holds either party; 404 otherwise. With
 * `lock` the record's row stays locked until the caller's transaction ends.
 */
export async function loadRecordScoped(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<{ record: RecordRow; pairing: PairingRow }> {
  const [row] = await queryRows<Raw & { record: RecordRow & { id: string; amount: string } }>(
    db,
    sql`select ${pairingColumns}, json_build_object('id', lr.id, 'pairingId', lr.pairing_id,
        'type', lr.type, 'side', lr.side, 'state', lr.state, 'date', lr.date::text,
        'amount', lr.amount, 'content', lr.content) as record
      from ledger_records lr join ${pairingJoins} on pa.id = lr.pairing_id
      where lr.id = ${id} and ${visibleTo(scope)}
      ${lock ? sql`for update of lr` : sql``}`,
  );
  if (!row) throw notFound('记录不存在');
  const { record, ...pairing } = row;
  return {
    record: {
      ...record,
      id: Number(record.id),
      pairingId: Number(record.pairingId),
      amount: record.amount == null ? null : Number(record.amount),
    },
    pairing: pairingOf(pairing),
  };
}
