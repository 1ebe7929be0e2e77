// Correct an open case: who the person is cared for as, the difficulties, the account of them,
// the day the case was opened (not after today, nor after its first help entry).
import type { CareCaseUpdate } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { invalid } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordCareAudit, textLength } from '../audit.ts';
import { careCases } from '../schema.ts';
import { changeCase } from './change-case.ts';
import { firstHelpOn } from './help-dates.ts';

export const updateCase = (ctx: AppContext, scope: Scope, id: number, input: CareCaseUpdate) =>
  changeCase(ctx, scope, id, 'keep', async (tx, row, { today, now }) => {
    if (input.openedOn > today) throw invalid('建档日期不能晚于今天', { openedOn: '不能晚于今天' });
    const first = await firstHelpOn(tx, id);
    if (first !== null && input.openedOn > first)
      throw invalid('建档日期不能晚于第一次帮扶', { openedOn: `不能晚于 ${first}` });
    if (
      ['member', 'retiredMember', 'unemployedMember'].includes(row.kind) !==
      ['member', 'retiredMember', 'unemployedMember'].includes(input.kind)
    )
      throw invalid('党员与群众之间不能改换类别', { kind: '党员与群众之间不能改换' });
    await tx
      .update(careCases)
      .set({ ...input, updatedAt: now })
      .where(eq(careCases.id, id));
    await recordCareAudit(tx, scope, {
      action: 'care.caseUpdated',
      caseId: id,
      homePath: row.homePath,
      before: {
        kind: row.kind,
        difficulties: row.difficulties,
        openedOn: row.openedOn,
        description: textLength(row.description),
      },
      after: {
        kind: input.kind,
        difficulties: input.difficulties,
        openedOn: input.openedOn,
        description: textLength(input.description),
      },
    });
  });
