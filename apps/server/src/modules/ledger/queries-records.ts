// Reads of records: a pairing's records, one record, and what awaits the caller (a confirmation
// by its side or a settlement). The scope filter is in every query: what lies outside is not found.
import {
  roleMay,
  type Paged,
  type RecordState,
  type RecordType,
  type RecordView,
} from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { loadPairingScoped, pairingVisible } from './access.ts';
import { ensure } from './policy.ts';
import {
  presentRecords,
  scopedRecordColumns,
  scopedRecordJoins,
  type ScopedRecordRow,
} from './present-record.ts';

/** Records matching `where` (over `lr`, `u`, `r`), in the given order and page. */
export const scopedRecordRows = (db: Db, where: SQL, tail: SQL = sql``) =>
  queryRows<ScopedRecordRow>(
    db,
    sql`select ${scopedRecordColumns} from ${scopedRecordJoins} where ${where} ${tail}`,
  );

const countRecords = async (db: Db, where: SQL) => {
  const [{ total }] = await queryRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from ${scopedRecordJoins} where ${where}`,
  );
  return total;
};

/** One record as the caller sees it, or 404. */
export async function getRecord(db: Db, scope: Scope, id: number, today: string) {
  ensure(scope, 'read');
  const [row] = await scopedRecordRows(db, sql`lr.id = ${id} and ${pairingVisible(scope)}`);
  if (!row) throw notFound('记录不存在或不在您的管理范围内');
  const [view] = await presentRecords(db, scope, [row], today);
  return view;
}

export type RecordsQuery = {
  type?: RecordType;
  state?: RecordState;
  page: number;
  pageSize: number;
};

/** A pairing's records, newest first. */
export async function pairingRecords(
  db: Db,
  scope: Scope,
  pairingId: number,
  query: RecordsQuery,
  today: string,
): Promise<Paged<RecordView>> {
  ensure(scope, 'read');
  const pairing = await loadPairingScoped(db, scope, pairingId);
  ensure(scope, 'read', pairing);
  const where = sql.join(
    [
      sql`lr.pairing_id = ${pairingId}`,
      ...(query.type ? [sql`lr.type = ${query.type}`] : []),
      ...(query.state ? [sql`lr.state = ${query.state}`] : []),
    ],
    sql` and `,
  );
  const [rows, total] = await Promise.all([
    scopedRecordRows(
      db,
      where,
      sql`order by lr.date desc, lr.id desc
        limit ${query.pageSize} offset ${offsetOf(query.page, query.pageSize)}`,
    ),
    countRecords(db, where),
  ]);
  return {
    items: await presentRecords(db, scope, rows, today),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/**
 * What the caller's side must confirm (the other side's pending records that do not count yet)
 * and the disputes it may settle (town, district and city admins above the village), in SQL the
 * same way `sideOf` and the policy decide it; null where the role has none.
 */
export function awaitingParts(
  scope: Scope,
  today: string,
): { confirm: SQL | null; settle: SQL | null } {
  const unconfirmed = (side: 'urban' | 'rural', party: SQL) =>
    sql`(lr.side = ${side} and lr.state = 'pending' and lr.counts_from > ${today}::date
      and ${party})`;
  const confirm = (() => {
    switch (scope.role) {
      case 'unit_admin':
        return unconfirmed('rural', sql`u.path = ${scope.path}`);
      case 'district_admin':
        return unconfirmed('rural', withinScope(sql`u.path`, scope));
      case 'village_admin':
        return unconfirmed('urban', sql`r.path = ${scope.path}`);
      case 'town_admin':
        return unconfirmed('urban', withinScope(sql`r.path`, scope));
      default:
        return null;
    }
  })();
  const settle = roleMay(scope.role, 'ledger', 'settle')
    ? sql`(lr.state = 'disputed' and ${withinScope(sql`r.path`, scope)})`
    : null;
  return { confirm, settle };
}

function awaitingWhere(scope: Scope, today: string): SQL | null {
  const parts = Object.values(awaitingParts(scope, today)).filter((p): p is SQL => p !== null);
  return parts.length === 0 ? null : sql`(${sql.join(parts, sql` or `)})`;
}

export async function awaitingRecords(
  db: Db,
  scope: Scope,
  query: { page: number; pageSize: number },
  today: string,
): Promise<Paged<RecordView>> {
  ensure(scope, 'read');
  const where = awaitingWhere(scope, today);
  if (!where) return { items: [], total: 0, page: query.page, pageSize: query.pageSize };
  const [rows, total] = await Promise.all([
    scopedRecordRows(
      db,
      where,
      sql`order by lr.entered_at, lr.id
        limit ${query.pageSize} offset ${offsetOf(query.page, query.pageSize)}`,
    ),
    countRecords(db, where),
  ]);
  return {
    items: await presentRecords(db, scope, rows, today),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
