import { eq } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { evidenceFiles } from '../schema.ts';
import type { PreparedEvidence } from './prepare.ts';
import { sha256Of } from './store.ts';

/** The file's row, shared by every record that carries the same content. */
export async function keepFile(tx: Db, userId: number, prepared: PreparedEvidence) {
  const sha256 = sha256Of(prepared.data);
  await tx
    .insert(evidenceFiles)
    .values({
      sha256,
      mime: prepared.mime,
      size: prepared.data.length,
      width: prepared.width,
      height: prepared.height,
      thumbSha256: prepared.thumb ? sha256Of(prepared.thumb) : null,
      takenAt: prepared.capture.takenAt,
      latitude: prepared.capture.latitude,
      longitude: prepared.capture.longitude,
      createdBy: userId,
    })
    .onConflictDoNothing();
  const [file] = await tx.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha256));
  return file;
}
