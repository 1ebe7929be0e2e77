import type { AgreementView } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Scope } from '../../../lib/scope.ts';
import { ensure, otherSide } from '../policy.ts';
import { view } from '../present.ts';
import { loadScoped } from '../queries.ts';
import { subjectOf } from '../row.ts';
import { agreements } from '../schema.ts';
import { auditView, recordAgreementChange } from './record.ts';

/** Pass the pen to the other side, under the agreement's row lock. */
export async function handOver(db: Db, scope: Scope, id: number): Promise<AgreementView> {
  return db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    ensure(scope, 'handOver', subjectOf(row));
    const a = row.agreement;
    const [updated] = await tx
      .update(agreements)
      .set({ pen: otherSide(a.pen), updatedAt: sql`now()` })
      .where(eq(agreements.id, id))
      .returning();
    await recordAgreementChange(tx, scope, {
      action: 'agreement.hand_over',
      id,
      parties: row,
      before: auditView(a),
      after: auditView(updated),
    });
    return view(scope, { ...row, agreement: updated });
  });
}
