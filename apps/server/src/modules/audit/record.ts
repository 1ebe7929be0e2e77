import { getTableColumns, sql } from 'drizzle-orm';
import type { AuditAction, AuditEntity } from '@pairing/shared';
import type { Db } from '../../db/client.ts';
import { auditLog } from './schema.ts';
import type { Scope } from '../../lib/scope.ts';

export type AuditEntry = {
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | number | null;
  /** Path of the organization the change concerns; decides who may read the record. */
  scopePath: string;
  before?: unknown;
  after?: unknown;
};

/** The columns a write's record fills (`id`, `at` and `batchId` come from their defaults). */
type AuditRow = Required<Omit<typeof auditLog.$inferInsert, 'id' | 'at' | 'batchId'>>;

function rowOf(actor: Scope | null, entry: AuditEntry): AuditRow {
  return {
    actorId: actor?.userId ?? null,
    actorName: actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    scopePath: entry.scopePath,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor?.ip ?? null,
  };
}

/** Record a write. Call inside the same transaction as the write so both commit or neither. */
export async function recordAudit(db: Db, actor: Scope | null, entry: AuditEntry) {
  await db.insert(auditLog).values(rowOf(actor, entry));
}

/**
 * Record a bulk action (a publish that creates many intentions) and make every record written
 * after it in the same transaction one of its items: the log lists the bulk action once, with its
 * count, and each item keeps its own record for its entity's history. The setting is local to the
 * transaction, so it ends with it.
 */
export async function openBatch(db: Db, actor: Scope | null, entry: AuditEntry) {
  const [batch] = await db
    .insert(auditLog)
    .values(rowOf(actor, entry))
    .returning({ id: auditLog.id });
  await db.execute(sql`select set_config('pairing.audit_batch', ${String(batch.id)}, true)`);
  return batch.id;
}

/**
 * The same record as statement text, for a write that is one prepared statement (the intention
 * submit): `values` holds the statement's SQL expression for each column `recordAudit` fills,
 * `from` the rows (a CTE) the record is written for.
 */
export function auditInsertText(values: Record<keyof AuditRow, string>, from: string) {
  const columns = getTableColumns(auditLog);
  const keys = Object.keys(values) as (keyof AuditRow)[];
  return `insert into audit_log (${keys.map((k) => columns[k].name).join(', ')})
    select ${keys.map((k) => values[k]).join(', ')}
    from ${from}`;
}
