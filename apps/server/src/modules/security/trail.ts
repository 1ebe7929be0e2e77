import { securityAuditActions, trailExportLimit, type TrailEntry } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { authorize } from '../../lib/policy.ts';
import { isoTime, queryRows, type RowTime } from '../../lib/rows.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { maskPersonalFields } from '../audit/mask.ts';
import { securityAuditRows } from '../audit/trail-rows.ts';
import { signInRows } from '../auth/trail-rows.ts';
import { deviceOf } from '../auth/device.ts';
import { can } from './policy.ts';

// The security audit trail (三员分立): the audit records of the security category and every
// sign-in, successful or not, of the accounts in the caller's city, newest first. Personal fields
// are masked for the audit administrator as for every reader without a right to them in full.

export type TrailFilter = {
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
  /** Username, or the user id when all digits. */
  actor?: string;
  /** An audit action or `sign_in.ok` / `sign_in.failed`. */
  kind?: string;
};

type TrailRow = Omit<TrailEntry, 'at' | 'device'> & { at: RowTime; userAgent: string | null };

function trailQuery(scope: Scope, filter: TrailFilter) {
  const within = pathPrefix(scope.path);
  const conditions: SQL[] = [sql`true`];
  if (filter.from) conditions.push(sql`t.at >= ${filter.from.toISOString()}::timestamptz`);
  if (filter.before) conditions.push(sql`t.at < ${filter.before.toISOString()}::timestamptz`);
  if (filter.kind) conditions.push(sql`t.kind = ${filter.kind}`);
  if (filter.actor) {
    conditions.push(
      /^\d{1,15}$/.test(filter.actor)
        ? sql`(t."actorName" = ${filter.actor} or t."actorId" = ${Number(filter.actor)})`
        : sql`t."actorName" = ${filter.actor}`,
    );
  }
  return sql`(
      ${securityAuditRows(within, securityAuditActions)}
      union all
      ${signInRows(within)}
    ) t
    where ${sql.join(conditions, sql` and `)}`;
}

const present = ({ userAgent, ...row }: TrailRow): TrailEntry => ({
  ...row,
  actorId: row.actorId === null ? null : Number(row.actorId),
  at: isoTime(row.at),
  before: maskPersonalFields(row.before),
  after: maskPersonalFields(row.after),
  device: userAgent === null ? null : deviceOf(userAgent),
});

export async function listTrail(
  db: Db,
  scope: Scope,
  filter: TrailFilter & { page: number; pageSize: number },
) {
  authorize(can, scope, 'readTrail');
  const from = trailQuery(scope, filter);
  const [rows, [{ total }]] = await Promise.all([
    queryRows<TrailRow>(
      db,
      sql`select * from ${from} order by t.at desc, t.key desc
        limit ${filter.pageSize} offset ${offsetOf(filter.page, filter.pageSize)}`,
    ),
    queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${from}`),
  ]);
  return { items: rows.map(present), total, page: filter.page, pageSize: filter.pageSize };
}

/** The entries an export holds, newest first, at most `trailExportLimit`. */
export async function trailForExport(db: Db, scope: Scope, filter: TrailFilter) {
  authorize(can, scope, 'exportTrail');
  const rows = await queryRows<TrailRow>(
    db,
    sql`select * from ${trailQuery(scope, filter)} order by t.at desc, t.key desc
      limit ${trailExportLimit}`,
  );
  return rows.map(present);
}
