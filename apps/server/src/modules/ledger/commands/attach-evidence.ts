import type { EvidenceAttached } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import type { Clock } from '../../../lib/clock.ts';
import { conflict } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { bindContent, recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import { loadRecordScoped } from '../access.ts';
import { recordLedgerAudit } from '../audit.ts';
import { todayOf } from '../days.ts';
import { capturedOffDate } from '../evidence/exif.ts';
import { refreshPhotoFlag } from '../evidence/flag.ts';
import { sanitizeName } from '../evidence/names.ts';
import { keepFile } from '../evidence/keep.ts';
import { prepareEvidence } from '../evidence/prepare.ts';
import type { EvidenceSettings } from '../evidence/settings.ts';
import { sha256Of, storeBlob } from '../evidence/store.ts';
import { subjectOf } from '../evidence/subject.ts';
import { ensure } from '../policy.ts';
import { recordEvidence } from '../schema.ts';
import { replayed } from './record-change.ts';

export type EvidenceDeps = { db: Db; clock: Clock; settings: EvidenceSettings };

/** An uploaded file as the request carried it; `fileName` is the client's, kept only as text. */
export type Upload = { bytes: Buffer; fileName: string | undefined };

/**
 * Attach one file to a record of the caller's side while it is pending and does not count yet
 * (the ledger policy's `attach`). The file is read, checked and converted before anything is
 * written; a refusal stores nothing. The rows, the record's photo-date flag, the audit record and
 * the idempotent answer are one transaction, and the file is in the store before it commits.
 */
export async function attachEvidence(
  deps: EvidenceDeps,
  scope: Scope,
  recordId: number,
  readUpload: () => Promise<Upload>,
  key: IdempotencyKey | null,
): Promise<EvidenceAttached> {
  ensure(scope, 'attach');
  const upload = await readUpload();
  const originalName = sanitizeName(upload.fileName);
  if (key) bindContent(key, `${sha256Of(upload.bytes)}:${originalName}`);
  const today = todayOf(deps.clock);
  const found = await loadRecordScoped(deps.db, scope, recordId);
  ensure(scope, 'attach', subjectOf(found, today));
  const prepared = await prepareEvidence(upload.bytes, deps.settings.maxPixels);
  const dateMismatch = capturedOffDate(prepared.capture, found.record.date);

  return deps.db.transaction(async (tx) => {
    const loaded = await loadRecordScoped(tx, scope, recordId, true);
    ensure(scope, 'attach', subjectOf(loaded, today));
    const [{ files, last }] = await tx
      .select({
        files: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${recordEvidence.position}), 0)::int`,
      })
      .from(recordEvidence)
      .where(eq(recordEvidence.recordId, recordId));
    if (files >= deps.settings.maxFiles)
      throw conflict('evidence_full', `每条记录最多附 ${deps.settings.maxFiles} 个证明材料`);

    const file = await keepFile(tx, scope.userId, prepared);
    const [linked] = await tx
      .insert(recordEvidence)
      .values({ recordId, fileId: file.id, position: last + 1, originalName, dateMismatch })
      .onConflictDoNothing()
      .returning({ fileId: recordEvidence.fileId });
    if (!linked) throw conflict('evidence_attached', '该文件已附在这条记录上');
    const photoDateMismatch = await refreshPhotoFlag(tx, recordId, deps.clock.now());

    const answer: EvidenceAttached = {
      id: file.id,
      mime: file.mime,
      size: file.size,
      width: file.width,
      height: file.height,
      takenAt: file.takenAt?.toISOString() ?? null,
      dateMismatch,
      photoDateMismatch,
    };
    await recordLedgerAudit(tx, scope, {
      action: 'ledger.evidence.attach',
      entity: 'ledger_record',
      entityId: recordId,
      pairing: loaded.pairing,
      after: {
        fileId: file.id,
        sha256: file.sha256,
        mime: file.mime,
        size: file.size,
        originalName,
        takenAt: answer.takenAt,
        dateMismatch,
      },
    });
    // A repeat of the key found its answer already there: undo, and the plugin replays it.
    if (key && !(await recordAnswer(tx, key, 201, answer))) throw replayed();
    // Last, once nothing else can refuse, and before the rows commit: a committed row always has
    // its file, and only a failed commit can leave a file without a row.
    await storeBlob(deps.settings.dir, prepared.data);
    if (prepared.thumb) await storeBlob(deps.settings.dir, prepared.thumb);
    return answer;
  });
}
