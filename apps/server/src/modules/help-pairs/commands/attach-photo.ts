// A photo (or scanned receipt) for a help record, while its pair is assigned: read, checked and
// re-encoded by the ledger's evidence store (metadata stripped, kept once per content), linked
// here. A refusal stores nothing; the file is in the store before the link commits. Idempotent,
// the key bound to the file's bytes.
import type { HelpPhoto } from '@pairing/shared';
import { eq, sql } from 'drizzle-orm';
import { conflict } from '../../../lib/errors.ts';
import type { Scope } from '../../../lib/scope.ts';
import { bindContent, recordAnswer, type IdempotencyKey } from '../../idempotency/plugin.ts';
import {
  keepHelpPhoto,
  prepareHelpPhoto,
  sanitizeName,
  sha256Of,
  storeHelpPhoto,
  type EvidenceSettings,
} from '../../ledger/evidence/read-for-help-pairs.ts';
import { loadRecordPair, subjectOf } from '../access.ts';
import { recordHelpAudit } from '../audit.ts';
import { ensure } from '../policy.ts';
import { helpRecordPhotos } from '../schema.ts';
import { replayed, type Deps } from './common.ts';

/** Photos one help record may carry. */
export const maxPhotos = 9;

export type Upload = { bytes: Buffer; fileName: string | undefined };

export async function attachPhoto(
  deps: Deps & { settings: EvidenceSettings },
  scope: Scope,
  recordId: number,
  readUpload: () => Promise<Upload>,
  key: IdempotencyKey | null,
): Promise<HelpPhoto> {
  ensure(scope, 'attach');
  const upload = await readUpload();
  const originalName = sanitizeName(upload.fileName);
  if (key) bindContent(key, `${sha256Of(upload.bytes)}:${originalName}`);
  ensure(scope, 'attach', subjectOf(await loadRecordPair(deps.db, scope, recordId)));
  const prepared = await prepareHelpPhoto(upload.bytes, deps.settings);

  return deps.db.transaction(async (tx) => {
    const pair = await loadRecordPair(tx, scope, recordId, true);
    ensure(scope, 'attach', subjectOf(pair));
    const [{ files, last }] = await tx
      .select({
        files: sql<number>`count(*)::int`,
        last: sql<number>`coalesce(max(${helpRecordPhotos.position}), 0)::int`,
      })
      .from(helpRecordPhotos)
      .where(eq(helpRecordPhotos.recordId, recordId));
    if (files >= maxPhotos) throw conflict('photos_full', `每条帮扶记录最多附 ${maxPhotos} 张照片`);
    const file = await keepHelpPhoto(tx, scope.userId, prepared);
    const [linked] = await tx
      .insert(helpRecordPhotos)
      .values({ recordId, fileId: file.id, position: last + 1, originalName })
      .onConflictDoNothing()
      .returning({ fileId: helpRecordPhotos.fileId });
    if (!linked) throw conflict('photo_attached', '该照片已附在这条记录上');
    const answer: HelpPhoto = {
      id: file.id,
      mime: file.mime,
      width: file.width,
      height: file.height,
      takenAt: file.takenAt,
    };
    await recordHelpAudit(tx, scope, {
      action: 'helpPair.photo',
      entity: 'help_record',
      entityId: recordId,
      pairing: pair,
      after: { fileId: file.id, mime: file.mime, size: prepared.data.length },
    });
    if (key && !(await recordAnswer(tx, key, 201, answer))) throw replayed();
    // Last, once nothing else can refuse: a committed link always has its file.
    await storeHelpPhoto(deps.settings, prepared);
    return answer;
  });
}
