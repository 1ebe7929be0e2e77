// Record one help given (R-CARE: 思想, 物质, 就业), by the case's keepers or the organization that
// adopted the person (双结对). An entry marked with a festival is that festival's condolence visit
// of that year: dated within its window (30 days before to 15 days after), once per case.
import { festivalLabels, type HelpInput } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import type { IdempotencyKey } from '../../idempotency/plugin.ts';
import { conflict, invalid } from '../../../lib/errors.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { findOrg } from '../access.ts';
import { maskName, recordCareAudit, textLength } from '../audit.ts';
import { visitWindow } from '../festivals.ts';
import { careHelp } from '../schema.ts';
import { changeCase } from './change-case.ts';

const visitRecorded = () => conflict('visit_recorded', '该节日的慰问已登记');

export const addHelp = (
  ctx: AppContext,
  scope: Scope,
  id: number,
  input: HelpInput,
  idempotency: IdempotencyKey | null,
) =>
  changeCase(
    ctx,
    scope,
    id,
    'help',
    async (tx, row, { today }) => {
      if (input.date > today) throw invalid('帮扶日期不能晚于今天', { date: '不能晚于今天' });
      if (input.date < row.openedOn)
        throw invalid('帮扶日期不能早于建档日期', { date: `不能早于 ${row.openedOn}` });
      if (input.givenByOrgId !== null && !(await findOrg(tx, input.givenByOrgId)))
        throw invalid('帮扶组织不存在', { givenByOrgId: '组织不存在' });
      if (input.festival !== null && input.festivalYear !== null) {
        const window = visitWindow(input.festival, input.festivalYear);
        if (input.date < window.from || input.date > window.to)
          throw invalid(
            `${input.festivalYear} 年${festivalLabels[input.festival]}慰问的日期不在规定范围内`,
            {
              date: `应在 ${window.from} 至 ${window.to} 之间`,
            },
          );
        const [visited] = await queryRows<{ id: number }>(
          tx,
          sql`select id::int from care_help where case_id = ${id}
            and festival = ${input.festival} and festival_year = ${input.festivalYear}`,
        );
        if (visited) throw visitRecorded();
      }
      let helpId: number;
      try {
        [{ id: helpId }] = await tx
          .insert(careHelp)
          .values({ caseId: id, ...input, recordedBy: scope.userId })
          .returning({ id: careHelp.id });
      } catch (err) {
        if (isUniqueViolation(err, 'care_help_visit_key')) throw visitRecorded();
        throw err;
      }
      await recordCareAudit(tx, scope, {
        action: 'care.helpAdded',
        caseId: id,
        homePath: row.homePath,
        after: {
          helpId,
          kind: input.kind,
          date: input.date,
          amount: input.amount,
          givenByOrgId: input.givenByOrgId,
          givenByName: maskName(input.givenByName),
          festival: input.festival,
          festivalYear: input.festivalYear,
          text: textLength(input.text),
        },
      });
    },
    idempotency,
  );
