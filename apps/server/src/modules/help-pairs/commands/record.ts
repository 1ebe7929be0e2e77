// A piece of help given to an assigned pair (S5 §2.3: policy, technology, market information,
// funds, sales of produce), recorded by the cadre himself (his `member` account) or by either
// side's admins. The record is the cadre's: members' quarterly reports (R-MEMBER-REPORT) read
// them through `read-for-reports.ts`. Idempotent: a phone may retry.
import type { HelpRecordFields, HelpRecordView } from '@pairing/shared';
import { invalid } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { sideOf } from '../../agreements/policy.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { loadPairScoped, subjectOf } from '../access.ts';
import { recordHelpAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { presentRecords } from '../present.ts';
import { helpRecords } from '../schema.ts';
import { replayed, todayOf, type Deps } from './common.ts';

export async function recordHelp(
  deps: Deps,
  scope: Scope,
  pairId: number,
  input: HelpRecordFields,
  idempotency: IdempotencyKey | null,
): Promise<HelpRecordView> {
  ensure(scope, 'record');
  if (input.date > todayOf(deps.clock))
    throw invalid('帮扶日期不能晚于今天', { date: '帮扶日期不能晚于今天' });
  return deps.db.transaction(async (tx) => {
    const pair = await loadPairScoped(tx, scope, pairId, true);
    ensure(scope, 'record', subjectOf(pair));
    const side = sideOf(scope, pair);
    const [inserted] = await tx
      .insert(helpRecords)
      .values({
        helpPairId: pairId,
        provinceCode: pair.provinceCode,
        kind: input.kind,
        date: input.date,
        text: input.text,
        amount: input.amount,
        cadreId: pair.cadreId!,
        recordedAs: side ?? 'cadre',
        recordedBy: scope.userId,
        recordedAt: deps.clock.now(),
      })
      .returning({ id: helpRecords.id });
    await recordHelpAudit(tx, scope, {
      action: 'helpPair.recorded',
      entity: 'help_record',
      entityId: inserted.id,
      pairing: pair,
      after: {
        helpPairId: pairId,
        kind: input.kind,
        date: input.date,
        amount: input.amount,
        recordedAs: side ?? 'cadre',
      },
    });
    const [view] = await presentRecords(tx, scope, pair, inserted.id);
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, view))) throw replayed();
    return view;
  });
}
