import type { Db } from '../../db/client.ts';
import { auditLog } from './schema.ts';
import type { Scope } from '../../lib/scope.ts';

export type AuditEntry = {
  action: string;
  entity: string;
  entityId?: string | number | null;
  /** Path of the organization the change concerns; decides who may read the record. */
  scopePath: string;
  before?: unknown;
  after?: unknown;
};

/** Record a write. Call inside the same transaction as the write so both commit or neither. */
export async function recordAudit(db: Db, actor: Scope | null, entry: AuditEntry) {
  await db.insert(auditLog).values({
    actorId: actor?.userId ?? null,
    actorName: actor?.username ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    scopePath: entry.scopePath,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: actor?.ip ?? null,
  });
}
