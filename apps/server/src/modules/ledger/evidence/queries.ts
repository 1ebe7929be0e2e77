import { sql } from 'drizzle-orm';
import type { Db } from '../../../db/client.ts';
import { notFound } from '../../../lib/errors.ts';
import { queryRows } from '../../../lib/rows.ts';
import type { Scope } from '../../../lib/scope.ts';
import { pairingVisible } from '../access.ts';
import { ensure } from '../policy.ts';
import { scopedRecordJoins } from '../present-record.ts';

/** A stored file as serving it needs: where it is, what it is, and the name it is offered under. */
export type ServedFile = {
  id: number;
  sha256: string;
  mime: string;
  thumbSha256: string | null;
  originalName: string;
};

/**
 * The file when the caller may read some record that carries it (either party of its pairing in
 * scope); 404 otherwise, also for a file no record carries any more.
 */
export async function servedFile(db: Db, scope: Scope, fileId: number): Promise<ServedFile> {
  ensure(scope, 'read');
  const [row] = await queryRows<Omit<ServedFile, 'id'>>(
    db,
    sql`select f.sha256, f.mime, f.thumb_sha256 as "thumbSha256", e.original_name as "originalName"
      from ${scopedRecordJoins}
      join record_evidence e on e.record_id = lr.id
      join evidence_files f on f.id = e.file_id
      where f.id = ${fileId} and ${pairingVisible(scope)}
      order by e.record_id
      limit 1`,
  );
  if (!row) throw notFound('证明材料不存在');
  return { id: fileId, ...row };
}
