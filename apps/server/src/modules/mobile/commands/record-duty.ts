// The outflow organization records one of the member's yearly duties done (R-MOBILE-REPORT): his
// half-year report, his good deed for home, the letter sent to him before 七一, his attendance at
// the 腊月 symposium. One record per flow, year and duty: the unique key decides a race.
import { mobileDutyDateProblem, mobileEight } from '@pairing/policy';
import type { MobileDutyData, MobileDutyView } from '@pairing/shared';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { conflict, invalid } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { isUniqueViolation } from '../../../lib/unique-violation.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { chinaDay } from '../../rounds/dates.ts';
import { loadFile } from '../access.ts';
import { recordMobileAudit, replayed } from '../audit.ts';
import { dutiesOf } from '../duties.ts';
import { ensure } from '../policy.ts';
import { mobileDutyRecords } from '../schema.ts';

export async function recordDuty(
  db: Db,
  scope: Scope,
  clock: Clock,
  id: number,
  input: MobileDutyData,
  idempotency: IdempotencyKey | null = null,
): Promise<MobileDutyView> {
  ensure(scope, 'record');
  const now = clock.now();
  const today = chinaDay(now);
  if (input.date > today) throw invalid('日期不能晚于今天', { date: '不能晚于今天' });
  const problem = mobileDutyDateProblem(input.duty, input.year, input.date);
  if (problem) throw invalid(problem, { date: problem });
  try {
    return await db.transaction(async (tx) => {
      const row = await loadFile(tx, scope, id, true);
      ensure(scope, 'record', row);
      const inserted = await tx
        .insert(mobileDutyRecords)
        .values({
          memberId: id,
          year: input.year,
          duty: input.duty,
          date: input.date,
          content: input.content,
          recordedBy: scope.userId,
          recordedAt: now,
        })
        .returning({ id: mobileDutyRecords.id });
      await recordMobileAudit(tx, scope, row, {
        action: 'mobile.duty_recorded',
        bothSides: false,
        after: {
          dutyRecordId: inserted[0].id,
          rule: mobileEight.duties.find((d) => d.duty === input.duty)!.rule,
          year: input.year,
          duty: input.duty,
          date: input.date,
        },
      });
      const duties = await dutiesOf(tx, [row], input.year, today);
      const view = duties.get(id)!.find((d) => d.duty === input.duty)!;
      if (idempotency && !(await recordAnswer(tx, idempotency, 201, { duty: view })))
        throw replayed();
      return view;
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('duty_recorded', '该年度的这一事项已经记录');
    throw err;
  }
}
