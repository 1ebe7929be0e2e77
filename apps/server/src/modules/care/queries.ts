// Reads of the care archive: the cases in the caller's scope with their filters, one case, and
// the festival condolence visits due (R-CARE). Scope is in the SQL: home or adopting org inside it.
import type {
  CareCaseSummary,
  CareCaseView,
  CareKind,
  CareState,
  DifficultyKind,
  DueVisitList,
  Festival,
  FestivalDay,
  Paged,
} from '@pairing/shared';
import { VISIT_GRACE_DAYS } from '@pairing/shared';
import { sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../../context.ts';
import { authorize } from '../../lib/policy.ts';
import { offsetOf } from '../../lib/pagination.ts';
import { queryRows } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { personNameContains } from '../people/sql.ts';
import { caseColumns, caseJoins, caseVisible, loadCaseScoped, type CaseRow } from './access.ts';
import { currentOccurrences, visitState } from './festivals.ts';
import { can } from './policy.ts';
import { peopleOf, presentCase, presentSummary } from './present.ts';

export type CaseFilters = {
  orgId?: number;
  difficulty?: DifficultyKind;
  state?: CareState;
  kind?: CareKind;
  due?: boolean;
  q?: string;
};

/** The festivals' current occurrences as a `values` list `f(festival, year, date)`. */
const occurrencesSql = (occurrences: FestivalDay[]) =>
  sql`(values ${sql.join(
    occurrences.map((o) => sql`(${o.festival}::care_festival, ${o.year}::int, ${o.date}::date)`),
    sql`, `,
  )}) as f(festival, year, date)`;

/** The visit recorded for the occurrence `f` of case `c`. */
const visitOfCase = sql`h.case_id = c.id and h.festival = f.festival and h.festival_year = f.year`;

/** An open case owes a visit for the occurrence `f` when it was open on the festival. */
const owes = sql`c.state = 'open' and c.opened_on <= f.date`;

export function caseFilters(scope: Scope, q: CaseFilters, today: string): SQL {
  const parts: SQL[] = [caseVisible(scope)];
  if (q.orgId !== undefined)
    parts.push(sql`exists (select 1 from org_directory under where under.id = ${q.orgId}
      and (starts_with(ho.path, under.path) or starts_with(co.path, under.path)))`);
  if (q.difficulty !== undefined)
    parts.push(sql`${q.difficulty}::difficulty_kind = any(c.difficulties)`);
  if (q.state !== undefined) parts.push(sql`c.state = ${q.state}`);
  if (q.kind !== undefined) parts.push(sql`c.kind = ${q.kind}`);
  if (q.q) parts.push(personNameContains(sql`c.person_id`, q.q));
  if (q.due !== undefined) {
    const unvisited = sql`exists (select 1 from ${occurrencesSql(currentOccurrences(today))}
      where ${owes} and not exists (select 1 from care_help h where ${visitOfCase}))`;
    parts.push(q.due ? unvisited : sql`not ${unvisited}`);
  }
  return sql.join(parts, sql` and `);
}

export async function listCases(
  ctx: AppContext,
  scope: Scope,
  query: CaseFilters & { page: number; pageSize: number },
  today: string,
): Promise<Paged<CareCaseSummary>> {
  authorize(can, scope, 'read');
  const db = ctx.dbh.db;
  const where = caseFilters(scope, query, today);
  const [rows, [{ total }]] = await Promise.all([
    queryRows<CaseRow>(
      db,
      sql`select ${caseColumns} from ${caseJoins} where ${where}
        order by c.state, c.opened_on desc, c.id desc
        limit ${query.pageSize} offset ${offsetOf(query.page, query.pageSize)}`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from ${caseJoins} where ${where}`,
    ),
  ]);
  const people = await peopleOf(ctx, db, rows);
  return {
    items: rows.map((row) => presentSummary(row, people.get(row.personId)!)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCase(
  ctx: AppContext,
  scope: Scope,
  id: number,
  today: string,
): Promise<{ case: CareCaseView }> {
  authorize(can, scope, 'read');
  const db = ctx.dbh.db;
  const row = await loadCaseScoped(db, scope, id);
  return { case: await presentCase(ctx, db, scope, row, today) };
}

type DueRow = {
  caseId: number;
  personId: number;
  openedOn: string;
  festival: Festival;
  year: number;
  date: string;
  helpId: number | null;
  visitedOn: string | null;
};

/**
 * The visits listed today: for each open case and festival, the current occurrence if the case
 * owes it, from 30 days before until recorded (a recorded one stays until 15 days after, with its
 * tick), and overdue ones until the next year's window opens. Overdue first, then by date.
 */
export async function dueVisits(
  ctx: AppContext,
  scope: Scope,
  query: { orgId?: number; festival?: Festival; page: number; pageSize: number },
  today: string,
): Promise<DueVisitList> {
  authorize(can, scope, 'read');
  const db = ctx.dbh.db;
  const occurrences = currentOccurrences(today, query.festival);
  const graceEnd = sql`(f.date + ${VISIT_GRACE_DAYS}::int)`;
  const from = sql`${caseJoins} cross join ${occurrencesSql(occurrences)}
    left join care_help h on ${visitOfCase}`;
  const where = sql`${caseFilters(scope, { orgId: query.orgId }, today)} and ${owes}
    and not (h.id is not null and ${today}::date > ${graceEnd})`;
  const rank = sql`case when h.id is null and ${today}::date > ${graceEnd} then 0
    when h.id is null then 1 else 2 end`;
  const [rows, [{ total }]] = await Promise.all([
    queryRows<DueRow>(
      db,
      sql`select c.id::int as "caseId", c.person_id::int as "personId",
          c.opened_on::text as "openedOn", f.festival, f.year, f.date::text as date,
          h.id::int as "helpId", h.date::text as "visitedOn"
        from ${from} where ${where}
        order by ${rank}, f.date, c.id
        limit ${query.pageSize} offset ${offsetOf(query.page, query.pageSize)}`,
    ),
    queryRows<{ total: number }>(
      db,
      sql`select count(*)::int as total from ${from} where ${where}`,
    ),
  ]);
  const people = await peopleOf(ctx, db, rows);
  const daysLeftOf = new Map(occurrences.map((o) => [o.festival, o.daysLeft]));
  return {
    festivals: occurrences,
    items: rows.map((row) => ({
      caseId: row.caseId,
      person: people.get(row.personId)!,
      festival: row.festival,
      year: row.year,
      date: row.date,
      daysLeft: daysLeftOf.get(row.festival)!,
      state: visitState(row, row.openedOn, row.helpId !== null, today),
      helpId: row.helpId,
      visitedOn: row.visitedOn,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
