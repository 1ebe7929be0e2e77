import { and, eq } from 'drizzle-orm';
import { notFound } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { auditEvidence } from '../evidence/audit.ts';
import { refreshPhotoFlag } from '../evidence/flag.ts';
import { ensure } from '../evidence/policy.ts';
import { chinaDay, loadRecordScoped } from '../evidence/record-access.ts';
import { subjectOf } from '../evidence/subject.ts';
import { evidenceFiles, recordEvidence } from '../schema.ts';
import type { EvidenceDeps } from './attach-evidence.ts';

/**
 * Take a file off a record of the caller's side while the record does not count yet. The file
 * itself stays in the store (another record may carry the same content); nobody reaches it
 * through this record any more.
 */
export async function detachEvidence(
  deps: Pick<EvidenceDeps, 'db' | 'clock'>,
  scope: Scope,
  recordId: number,
  fileId: number,
): Promise<{ photoDateMismatch: boolean }> {
  ensure(scope, 'detach');
  const today = chinaDay(deps.clock.now());
  return deps.db.transaction(async (tx) => {
    const record = await loadRecordScoped(tx, scope, recordId, true);
    ensure(scope, 'detach', subjectOf(record, today));
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
    await auditEvidence(tx, scope, {
      action: 'ledger.evidence.detach',
      record,
      file: {
        fileId,
        ...file,
        originalName: removed.originalName,
        dateMismatch: removed.dateMismatch,
      },
    });
    return { photoDateMismatch };
  });
}
