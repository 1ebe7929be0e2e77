// Loading terms within the caller's scope (outside it: 404 from the query itself) and the locks
// that keep a village to one secretary at a time and a person to one term at a time.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { notFound } from '../../lib/errors.ts';
import { lockKeyOf } from '../../lib/lock-key.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { withinScope } from '../orgs/sql.ts';
import type { StoredAllowance } from './schema.ts';

export type TermRow = {
  id: number;
  personId: number;
  villageId: number;
  villageName: string;
  villagePath: string;
  townName: string | null;
  provinceCode: string;
  from: string;
  to: string | null;
  baseSubsidyPerYear: number;
  allowance: StoredAllowance | null;
};

/** `secretary_terms t` with its village `v` and the village's town `tw`. */
export const termJoins = sql`secretary_terms t
  join org_directory v on v.id = t.village_id
  left join org_directory tw on tw.id = v.parent_id`;

export const termColumns = sql`t.id::int as id, t.person_id::int as "personId",
  t.village_id::int as "villageId", v.name as "villageName", v.path as "villagePath",
  tw.name as "townName", t.province_code as "provinceCode", t.from_date::text as "from",
  t.to_date::text as "to", t.base_subsidy_per_year as "baseSubsidyPerYear", t.allowance`;

/** The terms that `where` (over `t`, `v`, `tw`) lets through, earliest first. */
export const termRows = (db: Db, where: SQL) =>
  queryRows<TermRow>(
    db,
    sql`select ${termColumns} from ${termJoins} where ${where} order by t.from_date, t.id`,
  );

/** The person served as secretary of a village inside the caller's scope. */
export const secretaryInScope = (personId: SQL, scope: Pick<Scope, 'path'>) =>
  sql`exists (select 1 from secretary_terms st join org_directory sv on sv.id = st.village_id
    where st.person_id = ${personId} and ${withinScope(sql`sv.path`, scope)})`;

/** Every term of a secretary the caller may see (one of them in scope), else 404. */
export async function loadSecretaryTerms(db: Db, scope: Scope, personId: number) {
  const terms = await termRows(
    db,
    sql`t.person_id = ${personId} and ${secretaryInScope(sql`${personId}`, scope)}`,
  );
  if (terms.length === 0) throw notFound('该村党组织书记不存在或不在您的管理范围内');
  return terms;
}

/** A term of a village inside the caller's scope, else 404. */
export async function loadTermScoped(db: Db, scope: Scope, termId: number) {
  const [term] = await termRows(db, sql`t.id = ${termId} and ${withinScope(sql`v.path`, scope)}`);
  if (!term) throw notFound('任期不存在或不在您的管理范围内');
  return term;
}

// Advisory lock key spaces (two-int form: space, id) of this module.
const VILLAGE_LOCK = 1_401;
const PERSON_LOCK = 1_402;

/** Serialize the term changes of a village, then of a person (always in this order). */
export async function lockTermsOf(tx: Db, villageId: number, personId: number) {
  await tx.execute(sql`select pg_advisory_xact_lock(${VILLAGE_LOCK}, ${lockKeyOf(villageId)})`);
  await lockPerson(tx, personId);
}

/** Serialize the writes about one secretary (terms ending, assessments). */
export const lockPerson = (tx: Db, personId: number) =>
  tx.execute(sql`select pg_advisory_xact_lock(${PERSON_LOCK}, ${lockKeyOf(personId)})`);
