// Close a case (the person is out of difficulty, moved away or died): it stays in the archive,
// takes no more help, and leaves the condolence list. A new case may be opened later.
import type { CareCloseInput } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { invalid } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordCareAudit, textLength } from '../audit.ts';
import { careCases } from '../schema.ts';
import { changeCase } from './change-case.ts';

export const closeCase = (ctx: AppContext, scope: Scope, id: number, input: CareCloseInput) =>
  changeCase(ctx, scope, id, 'keep', async (tx, row, { today, now }) => {
    if (input.closedOn > today) throw invalid('结案日期不能晚于今天', { closedOn: '不能晚于今天' });
    if (input.closedOn < row.openedOn)
      throw invalid('结案日期不能早于建档日期', { closedOn: `不能早于 ${row.openedOn}` });
    await tx
      .update(careCases)
      .set({
        state: 'closed',
        closedOn: input.closedOn,
        closeReason: input.reason,
        updatedAt: now,
      })
      .where(eq(careCases.id, id));
    await recordCareAudit(tx, scope, {
      action: 'care.caseClosed',
      caseId: id,
      homePath: row.homePath,
      before: { state: row.state },
      after: { state: 'closed', closedOn: input.closedOn, reason: textLength(input.reason) },
    });
  });
