import type { EvidenceItem } from '@pairing/shared';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { evidenceFiles, recordEvidence } from '../schema.ts';

/**
 * The evidence of each record, in the order attached, as the record view shows it. The caller
 * has already found the records within its scope; this reads no scope of its own.
 */
export async function evidenceItemsFor(
  db: Db,
  recordIds: readonly number[],
): Promise<Map<number, EvidenceItem[]>> {
  const items = new Map<number, EvidenceItem[]>(recordIds.map((id) => [id, []]));
  if (recordIds.length === 0) return items;
  const rows = await db
    .select({
      recordId: recordEvidence.recordId,
      id: evidenceFiles.id,
      mime: evidenceFiles.mime,
      size: evidenceFiles.size,
      width: evidenceFiles.width,
      height: evidenceFiles.height,
      takenAt: evidenceFiles.takenAt,
      dateMismatch: recordEvidence.dateMismatch,
    })
    .from(recordEvidence)
    .innerJoin(evidenceFiles, eq(evidenceFiles.id, recordEvidence.fileId))
    .where(inArray(recordEvidence.recordId, [...recordIds]))
    .orderBy(asc(recordEvidence.recordId), asc(recordEvidence.position));
  for (const { recordId, takenAt, ...item } of rows)
    items.get(recordId)?.push({ ...item, takenAt: takenAt?.toISOString() ?? null });
  return items;
}
