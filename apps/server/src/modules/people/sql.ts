// Fragments over the registry for other modules' queries, so they never name `persons`.
import { sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../lib/scope.ts';
import { containsPattern } from '../../lib/pagination.ts';
import { withinScope } from '../orgs/sql.ts';

/** The person is registered (home or second organization) inside the caller's subtree. */
export const personInScope = (personId: SQL, scope: Pick<Scope, 'path'>) =>
  sql`exists (select 1 from persons p
    join org_directory ho on ho.id = p.org_id
    left join org_directory so on so.id = p.second_org_id
    where p.id = ${personId}
      and (${withinScope(sql`ho.path`, scope)} or ${withinScope(sql`so.path`, scope)}))`;

/** The person's home organization's id (for a module that files something under it). */
export const personOrgId = (personId: SQL) =>
  sql`(select p.org_id from persons p where p.id = ${personId})`;

/** The person's name contains `text` (a care archive's search by name). */
export const personNameContains = (personId: SQL, text: string) =>
  sql`exists (select 1 from persons p where p.id = ${personId} and p.name like ${containsPattern(text)})`;
/** The person whose own account is `userId` (null if none): a `member` acting for himself. */
export const personIdOfUser = (userId: number) =>
  sql`(select p.id from persons p where p.user_id = ${userId})`;

/** The person's own account's user id, or null. */
export const personUserId = (personId: SQL) =>
  sql`(select p.user_id from persons p where p.id = ${personId})`;
