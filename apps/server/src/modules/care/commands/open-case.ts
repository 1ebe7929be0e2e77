// Open a care case for a person of the caller's subtree (R-CARE). The person comes from the
// registry, registered at an organization inside the caller's scope (404 otherwise); a person has
// one open case at a time (409 `case_open`, also when two admins open one at once).
import type { CareCaseInput, CareCaseView, CareKind, PersonKind } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { conflict, invalid, notFound } from '../../../lib/errors.ts';
import { keyringOf } from '../../../lib/personal-crypto.ts';
import { authorize } from '../../../lib/policy.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { withinScope } from '../../orgs/sql.ts';
import { readPeople } from '../../people/read.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { loadCaseScoped } from '../access.ts';
import { recordCareAudit, textLength } from '../audit.ts';
import { can } from '../policy.ts';
import { presentCase } from '../present.ts';
import { careCases } from '../schema.ts';
import { replayed } from './change-case.ts';

/** Members are cared for as members (in difficulty, retired, unemployed), residents as residents. */
const personKindOf: Record<CareKind, PersonKind> = {
  member: 'member',
  retiredMember: 'member',
  unemployedMember: 'member',
  resident: 'resident',
};

const alreadyOpen = () => conflict('case_open', '该人员已有未结案的帮扶档案');

export async function openCase(
  ctx: AppContext,
  scope: Scope,
  input: CareCaseInput,
  idempotency: IdempotencyKey | null,
): Promise<{ case: CareCaseView }> {
  authorize(can, scope, 'keep');
  return ctx.dbh.db.transaction(async (tx) => {
    const today = chinaDay(ctx.clock.now());
    const [person] = await readPeople(
      tx,
      keyringOf(ctx.config),
      [input.personId],
      withinScope(sql`ho.path`, scope),
    );
    if (!person) throw notFound('人员不存在或其组织关系不在您的管理范围内');
    if (personKindOf[input.kind] !== person.kind)
      throw invalid('帮扶对象类别与人员登记的党员/群众身份不符', {
        kind: person.kind === 'member' ? '该人员登记为党员' : '该人员登记为群众',
      });
    if (input.openedOn > today) throw invalid('建档日期不能晚于今天', { openedOn: '不能晚于今天' });
    const [open] = await queryRows<{ id: number }>(
      tx,
      sql`select id::int from care_cases where person_id = ${person.id} and state = 'open'`,
    );
    if (open) throw alreadyOpen();
    let id: number;
    try {
      [{ id }] = await tx
        .insert(careCases)
        .values({
          personId: person.id,
          kind: input.kind,
          difficulties: input.difficulties,
          description: input.description,
          openedOn: input.openedOn,
          createdBy: scope.userId,
        })
        .returning({ id: careCases.id });
    } catch (err) {
      // Another admin opened one for the same person since the check above.
      if (isUniqueViolation(err, 'care_cases_open_person_key')) throw alreadyOpen();
      throw err;
    }
    const row = await loadCaseScoped(tx, scope, id);
    await recordCareAudit(tx, scope, {
      action: 'care.caseOpened',
      caseId: id,
      homePath: row.homePath,
      after: {
        personId: person.id,
        kind: input.kind,
        difficulties: input.difficulties,
        openedOn: input.openedOn,
        description: textLength(input.description),
      },
    });
    const view = { case: await presentCase(ctx, tx, scope, row, today) };
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, view))) throw replayed();
    return view;
  });
}
