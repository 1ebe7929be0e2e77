import { sql } from 'drizzle-orm';

/**
 * Every sign-in, successful or not, of the accounts whose org lies within the LIKE pattern
 * `within`, in the columns of the security trail (security/trail.ts).
 */
export const signInRows = (within: string) =>
  sql`select 'sign-in-' || s.id, s.at, u.id, u.username,
      case when s.ok then 'sign_in.ok' else 'sign_in.failed' end, 'user', u.id::text,
      null::jsonb, null::jsonb, s.ip, s.user_agent
    from sign_ins s
      join users u on u.id = s.user_id
      join org_directory o on o.id = u.org_id
    where o.path like ${within}`;
