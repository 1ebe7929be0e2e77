// What the 1+2 help records (modules/help-pairs) need of the evidence store: an upload read,
// checked and re-encoded as the ledger's evidence is, kept once per content, and a stored file
// served by id. The help-pairs module keeps which record carries which file and decides who may
// see it; this module keeps the files.
import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { isoTimeOrNull, queryRows, type RowTime } from '../../../lib/rows.ts';
import { keepFile } from './keep.ts';
import { prepareEvidence, type PreparedEvidence } from './prepare.ts';
import type { EvidenceSettings } from './settings.ts';
import { storeBlob } from './store.ts';

export { readUpload, sendStored } from './http.ts';
export { sanitizeName } from './names.ts';
export { evidenceSettings, type EvidenceSettings } from './settings.ts';
export { sha256Of } from './store.ts';
export type { PreparedEvidence };

/** Check and convert an upload in memory (422 for what the ledger refuses); nothing is stored. */
export const prepareHelpPhoto = (bytes: Buffer, settings: EvidenceSettings) =>
  prepareEvidence(bytes, settings.maxPixels);

export type KeptFile = {
  id: number;
  mime: string;
  width: number | null;
  height: number | null;
  takenAt: string | null;
};

/**
 * The file's row inside the caller's transaction (shared by whatever carries the same content).
 * Call `storeHelpPhoto` last, once nothing else can refuse, before the transaction commits.
 */
export async function keepHelpPhoto(
  tx: Db,
  userId: number,
  prepared: PreparedEvidence,
): Promise<KeptFile> {
  const file = await keepFile(tx, userId, prepared);
  return {
    id: file.id,
    mime: file.mime,
    width: file.width,
    height: file.height,
    takenAt: file.takenAt?.toISOString() ?? null,
  };
}

/** Write the file and its thumbnail into the content-addressed store. */
export async function storeHelpPhoto(settings: EvidenceSettings, prepared: PreparedEvidence) {
  await storeBlob(settings.dir, prepared.data);
  if (prepared.thumb) await storeBlob(settings.dir, prepared.thumb);
}

export type StoredFile = {
  id: number;
  sha256: string;
  mime: string;
  thumbSha256: string | null;
  width: number | null;
  height: number | null;
  takenAt: string | null;
};

/** Stored files by id (the caller has already checked who may see them). */
export async function storedFiles(db: Db, ids: readonly number[]): Promise<StoredFile[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<Omit<StoredFile, 'takenAt'> & { takenAt: RowTime | null }>(
    db,
    sql`select f.id::int as id, f.sha256, f.mime, f.thumb_sha256 as "thumbSha256",
        f.width, f.height, f.taken_at::text as "takenAt"
      from evidence_files f where f.id = any(${`{${ids.join(',')}}`}::bigint[])`,
  );
  return rows.map((row) => ({ ...row, takenAt: isoTimeOrNull(row.takenAt) }));
}
