import type { AgreementContent, AgreementView } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { conflict } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { ensure } from '../policy.ts';
import { view } from '../present.ts';
import { loadScoped } from '../queries.ts';
import { subjectOf } from '../row.ts';
import { assertTermYears } from '../rules.ts';
import { agreements, agreementVersions } from '../schema.ts';
import { auditView, recordAgreementChange } from './record.ts';

/**
 * Save a new version of the text: the side holding the pen, on the version it edited. In one
 * transaction under the agreement's row lock, so the turn and the version are the database's.
 */
export async function saveAgreement(
  db: Db,
  scope: Scope,
  id: number,
  input: { version: number; content: AgreementContent },
): Promise<AgreementView> {
  return db.transaction(async (tx) => {
    const row = await loadScoped(tx, scope, id, true);
    ensure(scope, 'edit', subjectOf(row));
    const a = row.agreement;
    if (a.version !== input.version) {
      throw conflict('stale_version', `协议已更新到第 ${a.version} 版，请刷新后再保存`);
    }
    assertTermYears(input.content, a.termStart, a.termEnd);
    // A signature covers one version: changing the text withdraws the other side's signature.
    const [updated] = await tx
      .update(agreements)
      .set({
        content: input.content,
        version: a.version + 1,
        urbanSignedAt: null,
        urbanSignedBy: null,
        ruralSignedAt: null,
        ruralSignedBy: null,
        updatedAt: sql`now()`,
      })
      .where(eq(agreements.id, id))
      .returning();
    await tx.insert(agreementVersions).values({
      agreementId: id,
      version: updated.version,
      // The caller's side: only the side holding the pen may edit.
      side: a.pen,
      content: input.content,
      editedBy: scope.userId,
    });
    await recordAgreementChange(tx, scope, {
      action: 'agreement.save',
      id,
      parties: row,
      before: { ...auditView(a), content: a.content },
      after: { ...auditView(updated), content: updated.content },
    });
    return view(scope, {
      ...row,
      agreement: updated,
      urbanSignerName: null,
      ruralSignerName: null,
    });
  });
}
