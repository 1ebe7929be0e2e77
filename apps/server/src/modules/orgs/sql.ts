import { sql, type SQL } from 'drizzle-orm';
import { pathPrefix, type Scope } from '../../lib/scope.ts';

// SQL that the orgs module publishes for other modules' queries: they join the `org_directory`
// view (schema.ts) and filter by scope with these, never naming the `orgs` table.

/** `path` (an org's materialized path, e.g. `ro.path`) lies inside the caller's scope. */
export const withinScope = (path: SQL, scope: Pick<Scope, 'path'>) =>
  sql`${path} like ${pathPrefix(scope.path)}`;

/**
 * The district an org lies in: the `district` among the ids of its path ("/1/7/42/"), each looked
 * up by primary key, so the cost does not hang on the planner's statistics of `orgs` (a board
 * computed right after a directory import joined 2,020 villages to a scan of every org each).
 */
export const districtOf = (path: SQL) =>
  sql`(select a.id from org_directory a where a.kind = 'district'
    and a.id = any(string_to_array(trim(both '/' from ${path}), '/')::bigint[]) limit 1)`;

/** The org with id `orgId` lies inside the caller's scope. */
export const orgInScope = (orgId: SQL, scope: Pick<Scope, 'path'>) =>
  sql`exists (select 1 from orgs o where o.id = ${orgId} and ${withinScope(sql`o.path`, scope)})`;

/**
 * The `org_directory` view for other modules' query builders (drizzle needs the view object to
 * join it); what it shows is what schema.ts declares, the `orgs` table stays this module's.
 */
export { orgDirectory } from './schema.ts';

/**
 * The org of alias `o` (a row of `org_directory`) may have urban units hung under it: a working
 * committee, or a district that helps (S1 §2–3).
 */
export const takesUnitsSql = (o: string) =>
  sql.raw(
    `(${o}.kind = 'working_committee' OR (${o}.kind = 'district' AND ${o}.district_class IS DISTINCT FROM 'outer_suburban'))`,
  );
