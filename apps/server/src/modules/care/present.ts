// The shapes of the care archive: a case with its person (masked, from the registry), its help
// entries and where it stands for each festival's condolence visit.
import {
  careActions,
  type CareCaseSummary,
  type CareCaseView,
  type Festival,
  type HelpEntry,
  type PersonSummary,
} from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { keyringOf } from '../../lib/personal-crypto.ts';
import { abilitiesOn } from '../../lib/policy.ts';
import { isoTime, queryRows, type RowTime } from '../../lib/rows.ts';
import type { Scope } from '../../lib/scope.ts';
import type { AppContext } from '../../context.ts';
import { displayNameOf } from '../auth/sql.ts';
import { readPeople } from '../people/read.ts';
import { subjectOf, type CaseRow } from './access.ts';
import { currentOccurrences, visitState } from './festivals.ts';
import { can, type CareAction } from './policy.ts';

/** The people of these case rows, masked, by id (the rows are in scope, so their people are). */
export async function peopleOf(
  ctx: Pick<AppContext, 'config'>,
  db: Db,
  rows: ReadonlyArray<{ personId: number }>,
) {
  const people = await readPeople(db, keyringOf(ctx.config), [
    ...new Set(rows.map((r) => r.personId)),
  ]);
  return new Map(people.map((p) => [p.id, p]));
}

export const presentSummary = (row: CaseRow, person: PersonSummary): CareCaseSummary => ({
  id: row.id,
  person,
  kind: row.kind,
  difficulties: row.difficulties,
  state: row.state,
  openedOn: row.openedOn,
  closedOn: row.closedOn,
  carer: row.carerOrgId === null ? null : { id: row.carerOrgId, name: row.carerName ?? '' },
  carerSince: row.carerSince,
  helpCount: row.helpCount,
  lastHelpOn: row.lastHelpOn,
});

type HelpRow = Omit<HelpEntry, 'givenByOrg' | 'recordedAt'> & {
  givenByOrgId: number | null;
  givenByOrgName: string | null;
  recordedAt: RowTime;
};

async function helpOf(db: Db, caseId: number): Promise<HelpEntry[]> {
  const rows = await queryRows<HelpRow>(
    db,
    sql`select h.id::int as id, h.kind, h.date::text as date, h.text, h.amount::int as amount,
        h.given_by_org_id::int as "givenByOrgId", g.name as "givenByOrgName",
        h.given_by_name as "givenByName", h.festival, h.festival_year as "festivalYear",
        coalesce(${displayNameOf(sql`h.recorded_by`)}, '') as "recordedBy",
        h.recorded_at as "recordedAt"
      from care_help h left join org_directory g on g.id = h.given_by_org_id
      where h.case_id = ${caseId} order by h.date desc, h.id desc`,
  );
  return rows.map(({ givenByOrgId, givenByOrgName, recordedAt, ...rest }) => ({
    ...rest,
    givenByOrg: givenByOrgId === null ? null : { id: givenByOrgId, name: givenByOrgName ?? '' },
    recordedAt: isoTime(recordedAt),
  }));
}

const actionOf: Record<(typeof careActions)[number], CareAction> = {
  update: 'keep',
  close: 'keep',
  adopt: 'keep',
  addHelp: 'help',
};

/** The whole case as the caller sees it today (China calendar day). */
export async function presentCase(
  ctx: Pick<AppContext, 'config'>,
  db: Db,
  scope: Scope,
  row: CaseRow,
  today: string,
): Promise<CareCaseView> {
  const [people, help] = await Promise.all([peopleOf(ctx, db, [row]), helpOf(db, row.id)]);
  const visitOf = (festival: Festival, year: number) =>
    help.find((h) => h.festival === festival && h.festivalYear === year);
  const subject = subjectOf(row);
  const allowed = abilitiesOn(can, scope, Object.values(actionOf), subject);
  return {
    ...presentSummary(row, people.get(row.personId)!),
    description: row.description,
    closeReason: row.closeReason,
    help,
    visits: currentOccurrences(today).map((occurrence) => {
      const visit = visitOf(occurrence.festival, occurrence.year);
      return {
        ...occurrence,
        state: visitState(occurrence, row.openedOn, !!visit, today),
        helpId: visit?.id ?? null,
        visitedOn: visit?.date ?? null,
      };
    }),
    abilities: Object.fromEntries(
      careActions.map((a) => [a, allowed[actionOf[a]]]),
    ) as CareCaseView['abilities'],
  };
}
