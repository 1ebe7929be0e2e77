import { sql } from 'drizzle-orm';

/**
 * The audit records of `actions` within the LIKE pattern `within`, in the columns of the security
 * trail (security/trail.ts) so that they union with the sign-ins.
 */
export const securityAuditRows = (within: string, actions: readonly string[]) =>
  sql`select 'audit-' || a.id as key, a.at, a.actor_id as "actorId", a.actor_name as "actorName",
      a.action as kind, a.entity, a.entity_id as "entityId", a.before, a.after, a.ip,
      null::text as "userAgent"
    from audit_log a
    where a.action in (${sql.join(
      actions.map((action) => sql`${action}`),
      sql`, `,
    )}) and a.scope_path like ${within}`;
