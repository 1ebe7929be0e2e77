import { and, eq } from 'drizzle-orm';
import { notFound } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { loadRecordScoped } from '../access.ts';
import { recordLedgerAudit } from '../audit.ts';
import { todayOf } from '../days.ts';
import { refreshPhotoFlag } from '../evidence/flag.ts';
import { subjectOf } from '../evidence/subject.ts';
import { ensure } from '../policy.ts';
import { evidenceFiles, recordEvidence } from '../schema.ts';
import type { EvidenceDeps } from './attach-evidence.ts';

/**
 * Take a file off a record of the caller's side, under the same rule as adding one (pending and
 * not counting yet). The file itself stays in the store (another record may carry the same
 * content); nobody reaches it through this record any more.
 */
export async function detachEvidence(
  deps: Pick<EvidenceDeps, 'db' | 'clock'>,
  scope: Scope,
  recordId: number,
  fileId: number,
): Promise<{ photoDateMismatch: boolean }> {
  ensure(scope, 'attach');
  return deps.db.transaction(async (tx) => {
    const loaded = await loadRecordScoped(tx, scope, recordId, true);
    ensure(scope, 'attach', subjectOf(loaded, todayOf(deps.clock)));
    const [removed] = await tx
      .delete(recordEvidence)
      .where(and(eq(recordEvidence.recordId, recordId), eq(recordEvidence.fileId, fileId)))
      .returning();
    if (!removed) throw notFound('证明材料不存在');
    const [file] = await tx
      .select({ sha256: evidenceFiles.sha256, mime: evidenceFiles.mime, size: evidenceFiles.size })
      .from(evidenceFiles)
      .where(eq(evidenceFiles.id, fileId));
    const photoDateMismatch = await refreshPhotoFlag(tx, recordId, deps.clock.now());
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.evidence.detach',
      entity: 'ledger_record',
      entityId: recordId,
      pairing: loaded.pairing,
      before: {
        fileId,
        ...file,
        originalName: removed.originalName,
        dateMismatch: removed.dateMismatch,
      },
      after: null,
    });
    return { photoDateMismatch };
  });
}
