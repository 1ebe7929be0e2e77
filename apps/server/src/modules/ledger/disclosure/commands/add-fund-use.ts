import type { FundUseInput, FundUsesView } from '@pairing/shared';
import type { Db } from '../../../../db/client.ts';
import type { Clock } from '../../../../lib/clock.ts';
import { conflict, invalid } from '../../../../lib/errors.ts';
import { authorize } from '../../../../lib/policy.ts';
import type { Scope } from '../../../../lib/scope.ts';
import { recordAnswer, type IdempotencyKey } from '../../../idempotency/plugin.ts';
import { recordLedgerAudit } from '../../audit.ts';
import { todayOf } from '../../days.ts';
import {
  fundAmount,
  fundSubject,
  insertFundUse,
  loadFund,
  presentUses,
  usesOf,
} from '../fund-uses.ts';
import { yuan as yuanText } from '../labels.ts';
import { can } from '../policy.ts';

const yuan = (n: number) => `¥${yuanText(n)}`;

/**
 * The village (or its town) records what part of a fund went to (R-DISCLOSE). Under the
 * pairing's ledger lock, so two uses entered at once cannot together spend more than the fund.
 */
export async function addFundUse(
  db: Db,
  clock: Clock,
  scope: Scope,
  id: number,
  input: FundUseInput,
  idempotency: IdempotencyKey | null,
): Promise<FundUsesView> {
  return db.transaction(async (tx) => {
    const found = await loadFund(tx, scope, id, true);
    const subject = fundSubject(found.record, found.pairing);
    authorize(can, scope, 'addUse', { ...subject, open: true }, '资金使用由受援村或所在镇登记');
    if (subject.kind === 'fund' && !subject.open)
      throw conflict('fund_not_open', '该资金记录已撤回、有异议或被裁定不计入，不能登记使用');
    const today = todayOf(clock);
    if (input.date > today) throw invalid('使用日期不能晚于今天', { date: '不能晚于今天' });
    if (input.date < found.record.date)
      throw invalid('使用日期不能早于资金到账日期', {
        date: `不能早于 ${found.record.date}`,
      });
    const amount = fundAmount(found.record);
    const { used } = await usesOf(tx, id);
    if (used + input.amount > amount)
      throw conflict(
        'overspent',
        `使用合计不能超过资金金额 ${yuan(amount)}：已登记 ${yuan(used)}，余额 ${yuan(amount - used)}`,
      );
    const useId = await insertFundUse(tx, id, input, scope.userId);
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.fund_use.add',
      entity: 'ledger_record',
      entityId: id,
      pairing: found.pairing,
      after: { useId, ...input },
    });
    const view = await presentUses(tx, scope, found);
    // A retry whose first answer is stored already rolls back; the plugin replays that answer.
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, view)))
      throw conflict('idempotent_replay', '该请求已处理');
    return view;
  });
}
