// 双结对 (R-DOUBLE-PAIR, S3 §2(3)): a Party branch or organization pairs with one member or
// resident in need. The case's keepers name it (any organization of the directory but the
// person's own); from then on it sees the case and records the help it gives. Null ends it.
import type { CarerInput } from '@pairing/shared';
import { eq } from 'drizzle-orm';
import type { AppContext } from '../../../context.ts';
import { invalid } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { findOrg } from '../access.ts';
import { recordCareAudit } from '../audit.ts';
import { careCases } from '../schema.ts';
import { changeCase } from './change-case.ts';

export const setCarer = (ctx: AppContext, scope: Scope, id: number, input: CarerInput) =>
  changeCase(ctx, scope, id, 'keep', async (tx, row, { today, now }) => {
    if (input.carerOrgId !== null) {
      const org = await findOrg(tx, input.carerOrgId);
      if (!org) throw invalid('结对组织不存在', { carerOrgId: '组织不存在' });
      if (org.id === row.homeOrgId)
        throw invalid('结对组织不能是对象本人所在组织', { carerOrgId: '请选择另一个组织' });
    }
    if (input.since !== null && input.since > today)
      throw invalid('结对日期不能晚于今天', { since: '不能晚于今天' });
    if (input.since !== null && input.since < row.openedOn)
      throw invalid('结对日期不能早于建档日期', { since: `不能早于 ${row.openedOn}` });
    await tx
      .update(careCases)
      .set({ carerOrgId: input.carerOrgId, carerSince: input.since, updatedAt: now })
      .where(eq(careCases.id, id));
    await recordCareAudit(tx, scope, {
      action: 'care.carerSet',
      caseId: id,
      homePath: row.homePath,
      before: { carerOrgId: row.carerOrgId, since: row.carerSince },
      after: { carerOrgId: input.carerOrgId, since: input.since },
    });
  });
