// What every write on an existing case shares: one transaction, the case locked and read in the
// caller's scope (404 outside), the policy's refusal (403), a closed case refused (409), the
// change, its audit record, and the case presented as it now stands.
import type { CareCaseView } from '@pairing/shared';
import type { AppContext } from '../../../context.ts';
import type { Db } from '../../../db/client.ts';
import { AppError, conflict } from '../../../lib/errors.ts';
import { authorize } from '../../../lib/policy.ts';
import type { Scope } from '../../../lib/scope.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { loadCaseScoped, subjectOf, type CaseRow } from '../access.ts';
import { can } from '../policy.ts';
import { presentCase } from '../present.ts';

export const caseClosed = () => conflict('case_closed', '该帮扶档案已结案，不能再修改或登记帮扶');

/** A repeated idempotent create: the transaction rolls back and the first answer is replayed. */
export const replayed = () =>
  new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');

export type Change = (tx: Db, row: CaseRow, at: { today: string; now: Date }) => Promise<void>;

export async function changeCase(
  ctx: AppContext,
  scope: Scope,
  id: number,
  action: 'keep' | 'help',
  change: Change,
  idempotency: IdempotencyKey | null = null,
): Promise<{ case: CareCaseView }> {
  authorize(can, scope, action);
  return ctx.dbh.db.transaction(async (tx) => {
    const row = await loadCaseScoped(tx, scope, id, true);
    const refusal =
      action === 'keep'
        ? '帮扶档案由对象组织关系所在组织及上级维护'
        : '只有维护该档案或与其双结对的组织可以登记帮扶';
    authorize(can, scope, action, { ...subjectOf(row), state: 'open' }, refusal);
    if (row.state !== 'open') throw caseClosed();
    const now = ctx.clock.now();
    const today = chinaDay(now);
    await change(tx, row, { today, now });
    const view = {
      case: await presentCase(ctx, tx, scope, await loadCaseScoped(tx, scope, id), today),
    };
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, view))) throw replayed();
    return view;
  });
}
