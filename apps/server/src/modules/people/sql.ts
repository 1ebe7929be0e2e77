// Fragments over the registry for other modules' queries, so they never name `persons`.
import { sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../lib/pagination.ts';

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
