import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { auditLog } from './schema.ts';

/**
 * The after-values recorded for an entity (null when nothing was recorded): a job that lost its
 * process tells from its audit record whether its commit went through.
 */
export async function auditAfter(db: Db, entity: string, entityId: string | number) {
  const [record] = await db
    .select({ after: auditLog.after })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, String(entityId))));
  return record?.after ?? null;
}
