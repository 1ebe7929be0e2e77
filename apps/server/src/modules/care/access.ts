// Loading care cases within the caller's scope: a case is visible when the person's home
// organization (as the registry holds it now) or the adopting organization lies inside it. An
// object outside is not found (404) by the query itself, never fetched and then refused.
import type { CareKind, CareState, DifficultyKind } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import { personOrgId } from '../people/sql.ts';
import type { CareSubject } from './policy.ts';

export type CaseRow = {
  id: number;
  personId: number;
  kind: CareKind;
  difficulties: DifficultyKind[];
  description: string;
  state: CareState;
  openedOn: string;
  closedOn: string | null;
  closeReason: string;
  homeOrgId: number;
  homePath: string;
  carerOrgId: number | null;
  carerName: string | null;
  carerPath: string | null;
  carerSince: string | null;
  helpCount: number;
  lastHelpOn: string | null;
};

/** `care_cases c` with the person's home org (`ho`) and the adopting org (`co`). */
export const caseJoins = sql`care_cases c
  join org_directory ho on ho.id = ${personOrgId(sql`c.person_id`)}
  left join org_directory co on co.id = c.carer_org_id`;

export const caseColumns = sql`c.id::int as id, c.person_id::int as "personId", c.kind,
  c.difficulties::text[] as difficulties, c.description, c.state,
  c.opened_on::text as "openedOn", c.closed_on::text as "closedOn", c.close_reason as "closeReason",
  ho.id::int as "homeOrgId", ho.path as "homePath",
  co.id::int as "carerOrgId", co.name as "carerName", co.path as "carerPath",
  c.carer_since::text as "carerSince",
  (select count(*) from care_help h where h.case_id = c.id)::int as "helpCount",
  (select max(h.date)::text from care_help h where h.case_id = c.id) as "lastHelpOn"`;

/** The case is the caller's to see: home or adopting organization inside the scope. */
export const caseVisible = (scope: Pick<Scope, 'path'>): SQL =>
  sql`(${withinScope(sql`ho.path`, scope)}
    or (co.path is not null and ${withinScope(sql`co.path`, scope)}))`;

export const subjectOf = (row: CaseRow): CareSubject => ({
  homePath: row.homePath,
  carerPath: row.carerPath,
  state: row.state,
});

/** The case if the caller may see it, else 404; `lock` holds its row until the transaction ends. */
export async function loadCaseScoped(
  db: Db,
  scope: Scope,
  id: number,
  lock = false,
): Promise<CaseRow> {
  if (lock)
    await db.execute(sql`select 1 from ${caseJoins} where c.id = ${id} and ${caseVisible(scope)}
      for update of c`);
  const [row] = await queryRows<CaseRow>(
    db,
    sql`select ${caseColumns} from ${caseJoins} where c.id = ${id} and ${caseVisible(scope)}`,
  );
  if (!row) throw notFound('帮扶档案不存在或不在您的管理范围内');
  return row;
}

/** An organization of the directory by id (one that helped, one that adopts), or null. */
export async function findOrg(db: Db, id: number) {
  const [org] = await queryRows<{ id: number; name: string }>(
    db,
    sql`select id::int as id, name from org_directory where id = ${id}`,
  );
  return org ?? null;
}
