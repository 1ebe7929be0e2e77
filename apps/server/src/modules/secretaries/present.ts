// The shapes of secretaries as the routes answer them: the person masked (the registry's
// presenter), each term with its allowance, each assessment with the parameters it used.
import { type AssessmentView, type SecretaryDetail, type SecretaryTermView } from '@pairing/shared';
import { yearlyAllowanceAmount } from '@pairing/policy';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Keyring } from '../../lib/personal-crypto.ts';
import { isoTime, queryRows, type RowTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import { displayNameOf } from '../auth/sql.ts';
import { readPeople } from '../people/read.ts';
import { loadSecretaryTerms, type TermRow } from './access.ts';
import { can } from './policy.ts';

/** A term as shown; a yearly allowance with what it comes to at today's village secretary. */
export function presentTerm(term: TermRow, villageBaseNow: number | null): SecretaryTermView {
  const { allowance } = term;
  return {
    id: term.id,
    villageId: term.villageId,
    villageName: term.villageName,
    townName: term.townName,
    from: term.from,
    to: term.to,
    baseSubsidyPerYear: term.baseSubsidyPerYear,
    allowance: allowance && {
      ...allowance,
      yearlyAmountNow:
        allowance.kind === 'yearly' && villageBaseNow !== null
          ? yearlyAllowanceAmount(villageBaseNow, allowance.parameters)
          : null,
    },
  };
}

/** The base subsidy of each village's secretary in office on `day` (villages without one absent). */
async function basesInOffice(db: Db, villageIds: number[], day: string) {
  if (villageIds.length === 0) return new Map<number, number>();
  const rows = await queryRows<{ villageId: number; base: number }>(
    db,
    sql`select village_id::int as "villageId", base_subsidy_per_year as base
      from secretary_terms
      where village_id = any(${`{${villageIds.join(',')}}`}::bigint[])
        and from_date <= ${day} and (to_date is null or to_date >= ${day})`,
  );
  return new Map(rows.map((r) => [r.villageId, r.base]));
}

type AssessmentRow = Omit<AssessmentView, 'assessedAt'> & { assessedAt: RowTime };

/** The assessments of one person, latest year first. */
export async function assessmentsOf(db: Db, where: SQL) {
  const rows = await queryRows<AssessmentRow>(
    db,
    sql`select a.id::int as id, a.year, a.village_id::int as "villageId", v.name as "villageName",
        a.lines, a.income_created::int as "incomeCreated",
        a.insurance_premiums as "insurancePremiums", a.note, a.pay, a.parameters,
        a.parameters_from_year as "parametersFromYear", a.assessed_at::text as "assessedAt",
        ${displayNameOf(sql`a.assessed_by`)} as "assessedBy"
      from secretary_assessments a
      join org_directory v on v.id = a.village_id
      where ${where} order by a.year desc`,
  );
  return rows.map((row) => ({ ...row, assessedAt: isoTime(row.assessedAt) }));
}

/** A secretary the caller may see: person, terms, assessments and what the caller may do. */
export async function presentSecretary(
  db: Db,
  keyring: Keyring,
  scope: Scope,
  personId: number,
  today: string,
): Promise<SecretaryDetail> {
  const terms = await loadSecretaryTerms(db, scope, personId);
  const [person] = await readPeople(db, keyring, [personId]);
  const yearly = terms.filter((t) => t.allowance?.kind === 'yearly').map((t) => t.villageId);
  const bases = await basesInOffice(db, yearly, today);
  const last = terms.at(-1)!;
  const assess = can(scope, 'assess', { villagePath: last.villagePath });
  return {
    person,
    terms: terms.map((t) => presentTerm(t, bases.get(t.villageId) ?? null)),
    assessments: await assessmentsOf(db, sql`a.person_id = ${personId}`),
    abilities: {
      assess,
      endTerm: assess && last.to === null,
      addTerm: assess && last.to !== null,
    },
  };
}
