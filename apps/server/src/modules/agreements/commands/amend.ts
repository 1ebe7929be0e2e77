import type { AgreementView } from '@pairing/shared';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { conflict } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { roundForAgreement } from '../../rounds/read.ts';
import { ensure, sideOf } from '../policy.ts';
import { getAgreement, loadScoped } from '../queries.ts';
import { subjectOf } from '../row.ts';
import { agreements, agreementVersions } from '../schema.ts';
import { recordAgreementChange, auditView } from './record.ts';

/**
 * A side proposes an amendment (补充协议) to a signed agreement while the round is in force: a
 * new draft with the signed text, the proposing side holding the pen. At most one is open at a
 * time.
 */
export async function createAmendment(db: Db, scope: Scope, id: number): Promise<AgreementView> {
  const newId = await db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    ensure(scope, 'amend', subjectOf(row));
    const side = sideOf(scope, row)!;
    const a = row.agreement;
    const round = await roundForAgreement(tx, a.roundId);
    if (!round || (round.state !== 'signing' && round.state !== 'in_force')) {
      throw conflict('round_not_in_force', '本轮不在实施期，不能提出补充协议');
    }
    const [open] = await tx
      .select({ id: agreements.id })
      .from(agreements)
      .where(and(eq(agreements.amendsId, id), eq(agreements.status, 'draft')));
    if (open) throw conflict('amendment_open', `已有未签署的补充协议（编号 ${open.id}）`);
    const [inserted] = await tx
      .insert(agreements)
      .values({
        roundId: a.roundId,
        intentionId: a.intentionId,
        amendsId: a.id,
        packId: a.packId,
        urbanOrgId: a.urbanOrgId,
        ruralOrgId: a.ruralOrgId,
        provinceCode: a.provinceCode,
        termStart: a.termStart,
        termEnd: a.termEnd,
        pen: side,
        content: a.content,
      })
      .returning();
    await tx.insert(agreementVersions).values({
      agreementId: inserted.id,
      version: 1,
      side,
      content: a.content,
      editedBy: scope.userId,
    });
    await recordAgreementChange(tx, scope, {
      action: 'agreement.amend',
      id: inserted.id,
      parties: row,
      after: { ...auditView(inserted), amendsId: a.id },
    });
    return inserted.id;
  });
  return getAgreement(db, scope, newId);
}
