import { securityAuditActions } from '@pairing/shared';
import {
  and,
  desc,
  count,
  eq,
  gte,
  isNull,
  like,
  lt,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { pathPrefix, type Scope } from '../../lib/scope.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { authorize } from '../../lib/policy.ts';
import { maskPersonalFields, seesPersonalFields } from './mask.ts';
import { can } from './policy.ts';
import { auditLog } from './schema.ts';

export type AuditFilter = {
  action?: string;
  entity?: string;
  entityId?: string;
  /** Username, or the user id when all digits. */
  actor?: string;
  /** The items of this bulk action's record. */
  batch?: number;
  from?: Date;
  /** Exclusive upper bound. */
  before?: Date;
  page: number;
  pageSize: number;
};

/**
 * Business records whose scope path lies inside the caller's scope, newest first; the security
 * trail is the audit administrator's alone (security/trail.ts, 三员分立). A bulk action is listed
 * once: its items show under it (`batch`), and in one entity's history (`entityId`).
 */
export async function listAudit(db: Db, scope: Scope, filter: AuditFilter) {
  authorize(can, scope, 'browse');
  const conditions: SQL[] = [
    like(auditLog.scopePath, pathPrefix(scope.path)),
    notInArray(auditLog.action, [...securityAuditActions]),
  ];
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.entityId) conditions.push(eq(auditLog.entityId, filter.entityId));
  if (filter.batch !== undefined) conditions.push(eq(auditLog.batchId, filter.batch));
  else if (!filter.entityId) conditions.push(isNull(auditLog.batchId));
  if (filter.actor) {
    const byName = eq(auditLog.actorName, filter.actor);
    conditions.push(
      /^\d{1,15}$/.test(filter.actor)
        ? or(byName, eq(auditLog.actorId, Number(filter.actor)))!
        : byName,
    );
  }
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.before) conditions.push(lt(auditLog.at, filter.before));
  const where = and(...conditions);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        actorId: auditLog.actorId,
        actorName: auditLog.actorName,
        action: auditLog.action,
        entity: auditLog.entity,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        ip: auditLog.ip,
        batchId: auditLog.batchId,
        // The outer row by its table's name: drizzle leaves a column in a select unqualified.
        items: sql<number>`(select count(*)::int from audit_log item where item.batch_id = audit_log.id)`,
      })
      .from(auditLog)
      .where(where)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(filter.pageSize)
      .offset(offsetOf(filter.page, filter.pageSize)),
    db.select({ total: count() }).from(auditLog).where(where),
  ]);
  const shown = seesPersonalFields(scope.role)
    ? rows
    : rows.map((row) => ({
        ...row,
        before: maskPersonalFields(row.before),
        after: maskPersonalFields(row.after),
      }));
  return {
    items: shown.map((row) => ({ ...row, at: row.at.toISOString() })),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}
