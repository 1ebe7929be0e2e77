// The town (or the district or city above) enters a secretary's 双百分 assessment of a year; the
// pay is computed and stored with the parameters used (R-SECRETARY-PAY). One per person and year:
// a second one, also one racing the first, is refused 409.
import type { AssessmentInput, AssessmentView } from '@pairing/shared';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { AppError, conflict } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { lockPerson } from '../access.ts';
import { recordSecretaryAudit } from '../audit.ts';
import { computePay } from '../pay.ts';
import { assessmentsOf } from '../present.ts';
import { secretaryAssessments } from '../schema.ts';

const replayed = () => new AppError(409, 'idempotent_replay', '该请求已处理，将返回首次的结果');

export async function assessYear(
  db: Db,
  scope: Scope,
  personId: number,
  input: AssessmentInput,
  today: string,
  idempotency: IdempotencyKey | null = null,
): Promise<{ assessment: AssessmentView }> {
  return db.transaction(async (tx) => {
    await lockPerson(tx, personId);
    const computed = await computePay(tx, scope, personId, input, today);
    const [inserted] = await tx
      .insert(secretaryAssessments)
      .values({
        personId,
        villageId: computed.village.villageId,
        provinceCode: computed.village.provinceCode,
        year: input.year,
        lines: input.lines,
        incomeCreated: input.incomeCreated,
        insurancePremiums: input.insurancePremiums,
        note: input.note,
        pay: computed.pay,
        total: computed.pay.total,
        parameters: computed.parameters,
        parametersFromYear: computed.parametersFromYear,
        assessedBy: scope.userId,
      })
      .onConflictDoNothing()
      .returning({ id: secretaryAssessments.id });
    if (!inserted) throw conflict('assessment_exists', `该书记 ${input.year} 年度已考核`);
    await recordSecretaryAudit(tx, scope, {
      action: 'secretary.assess',
      entity: 'secretary_assessment',
      entityId: inserted.id,
      scopePath: computed.village.villagePath,
      after: {
        personId,
        year: input.year,
        villageId: computed.village.villageId,
        lines: input.lines.map(({ part, kind, points }) => ({ part, kind, points })),
        incomeCreated: input.incomeCreated,
        insurancePremiums: input.insurancePremiums,
        pay: computed.pay,
        parametersFromYear: computed.parametersFromYear,
      },
    });
    const [assessment] = await assessmentsOf(tx, sql`a.id = ${inserted.id}`);
    const answer = { assessment };
    // A repeat of the same request (a phone's retry) rolls back here and replays the first answer.
    if (idempotency && !(await recordAnswer(tx, idempotency, 201, answer))) throw replayed();
    return answer;
  });
}
