import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { ledgerRecords, recordEvidence } from '../schema.ts';

/**
 * Set the record's `photo_date_mismatch` from its files (any photo taken more than a day off the
 * record's date), after a file was added or removed; answers the flag.
 */
export async function refreshPhotoFlag(tx: Db, recordId: number, now: Date): Promise<boolean> {
  const [flag] = await tx
    .update(ledgerRecords)
    .set({
      photoDateMismatch: sql`exists (select 1 from ${recordEvidence}
        where ${recordEvidence.recordId} = ${recordId} and ${recordEvidence.dateMismatch})`,
      updatedAt: now,
    })
    .where(eq(ledgerRecords.id, recordId))
    .returning({ photoDateMismatch: ledgerRecords.photoDateMismatch });
  return flag.photoDateMismatch;
}
