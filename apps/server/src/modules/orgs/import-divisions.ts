import { Param, sql } from 'drizzle-orm';
import { copyInto, copyLine, copyValue, driverOf, type Db } from '../../db/client.ts';
import type { DivisionRow, DivisionSource } from './divisions-source.ts';

export type DivisionImportResult = { total: number; inserted: number; updated: number };
/** `done` of `total` rows written or found unchanged. */
export type DivisionProgress = (done: number, total: number) => void;

/** Rows per COPY chunk: the progress step, and what Node prepares while the server parses. */
const copyChunkRows = 20_000;
/** From this many new rows on (a national first import), indexes are rebuilt rather than kept. */
const defaultBulkThreshold = 100_000;

type Stored = {
  id: number;
  path: string;
  depth: number;
  name?: string;
  kind?: string;
  districtClass?: string | null;
};
type StoredRow = {
  id: number;
  code: string;
  name: string;
  kind: string;
  district_class: string | null;
  path: string;
  depth: number;
};

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const orgColumns = [
  'id',
  'kind',
  'code',
  'name',
  'parent_id',
  'path',
  'depth',
  'province_code',
  'district_class',
];

/**
 * Upsert the hierarchy by code in one transaction, written with COPY rather than statements:
 *
 * - The stored rows of the provinces are read once (under a lock that keeps other writers out
 *   until commit) and compared here, so equal rows are not touched and a re-run changes nothing.
 * - Rows whose name, kind or class changed are COPied into a temporary table and updated in place
 *   (same id, same path) by one UPDATE … FROM.
 * - New rows take the next ids of the identity sequence (nothing else can draw from it meanwhile),
 *   so their `path` (ancestor ids ending with their own), `depth` and `province_code` are
 *   computed here, parents first, and the rows are COPied straight into `orgs` — no staging table
 *   and no INSERT … SELECT. The village level is read a chunk at a time while the server takes
 *   the previous one.
 *
 * The same path runs on PGlite and PostgreSQL; only the transport of `copyInto` differs.
 */
export async function importDivisions(
  db: Db,
  source: DivisionSource,
  onProgress: DivisionProgress = () => {},
  bulkThreshold = defaultBulkThreshold,
): Promise<DivisionImportResult> {
  const { upper } = source;
  const provinces = [...new Set(upper[0].map((r) => r.code.slice(0, 2)))];
  const upperRows = upper.reduce((n, level) => n + level.length, 0);
  // Until the village level is read its line count stands for its row count.
  let total = upperRows + source.leafLines;
  let done = 0;
  onProgress(done, total);
  return db.transaction(async (tx) => {
    // Readers go on; other writers of orgs (and a second import) wait until this one commits.
    // That also makes the ids below safe: nothing else can draw from the sequence meanwhile.
    await tx.execute(sql`LOCK TABLE orgs IN SHARE ROW EXCLUSIVE MODE`);
    // Index rebuilds sort in memory rather than in temporary files.
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
    // An import lost in a crash right after its commit is simply run again, so the commit need
    // not wait for its WAL to reach the disk. Not on PGlite: single-user, it has no WAL writer to
    // flush that WAL later, and a data directory dumped or closed meanwhile loses the commit.
    if (driverOf(tx as unknown as Db) === 'postgres')
      await tx.execute(sql`SET LOCAL synchronous_commit = off`);

    const stored = new Map<string, Stored>();
    let storedLeaves = 0;
    for (const r of rowsOf<StoredRow>(
      await tx.execute(sql`
        SELECT id, code, name, kind, district_class, path, depth FROM orgs
        WHERE code IS NOT NULL AND province_code = ANY (${new Param(provinces)}::text[])`),
    )) {
      stored.set(r.code, {
        id: Number(r.id),
        path: r.path,
        depth: r.depth,
        name: r.name,
        kind: r.kind,
        districtClass: r.district_class,
      });
      if (r.kind === 'village' || r.kind === 'community') storedLeaves += 1;
    }

    const changed: DivisionRow[] = [];
    const isFresh = (r: DivisionRow) => {
      const old = stored.get(r.code);
      if (!old) return true;
      if (old.name !== r.name || old.kind !== r.kind || old.districtClass !== r.districtClass)
        changed.push(r);
      return false;
    };
    const freshUpper = upper.flatMap((level) => level.filter(isFresh));
    done = upperRows - freshUpper.length;
    onProgress(done, total);

    const [sequence] = rowsOf<{ next: number }>(
      await tx.execute(sql`
        SELECT CASE WHEN is_called THEN last_value + 1 ELSE last_value END AS next
        FROM orgs_id_seq`),
    );
    const firstId = Number(sequence.next);
    const expectedNew = freshUpper.length + Math.max(0, source.leafLines - storedLeaves);
    const rebuild =
      expectedNew >= bulkThreshold ? await dropSecondaryIndexes(tx as unknown as Db) : [];

    // Rows are placed while their COPY text is produced: levels come parents first, so a parent
    // is stored or placed before its children. A row whose parent is unknown is skipped.
    let inserted = 0;
    let parentCode: string | null = null;
    let parent: Stored | undefined;
    const place = (r: DivisionRow, isParent: boolean) => {
      // Siblings come together: one lookup per parent.
      if (r.parentCode !== parentCode) {
        parentCode = r.parentCode;
        parent = parentCode === null ? undefined : stored.get(parentCode);
      }
      if (parentCode !== null && !parent) return '';
      const id = firstId + inserted;
      const path = `${parent ? parent.path : '/'}${id}/`;
      const depth = parent ? parent.depth + 1 : 0;
      if (isParent) stored.set(r.code, { id, path, depth });
      inserted += 1;
      // Kind and class are enum labels, ids and path digits; the rest is escaped if need be.
      return `${id}\t${r.kind}\t${copyValue(r.code)}\t${copyValue(r.name)}\t${parent ? parent.id : '\\N'}\t${path}\t${depth}\t${copyValue(r.code.slice(0, 2))}\t${r.districtClass ?? '\\N'}\n`;
    };
    let leafRows = 0;
    function* newRows() {
      yield* chunks(
        freshUpper,
        (r) => place(r, true),
        (n) => onProgress((done += n), total),
      );
      for (const leaves of source.leaves()) {
        leafRows += leaves.length;
        let text = '';
        for (const r of leaves) if (isFresh(r)) text += place(r, false);
        if (text) yield text;
        onProgress((done += leaves.length), total);
      }
      total = upperRows + leafRows;
    }
    await copyInto(tx, 'orgs', orgColumns, newRows());
    if (inserted) await tx.execute(sql`SELECT setval('orgs_id_seq', ${firstId + inserted - 1})`);

    if (changed.length) {
      await tx.execute(sql`
        CREATE TEMP TABLE division_changes
          (code text, name text, kind org_kind, district_class district_class) ON COMMIT DROP`);
      await copyInto(
        tx,
        'division_changes',
        ['code', 'name', 'kind', 'district_class'],
        chunks(changed, (r) => copyLine([r.code, r.name, r.kind, r.districtClass])),
      );
      await tx.execute(sql`
        UPDATE orgs o
        SET name = c.name, kind = c.kind, district_class = c.district_class, updated_at = now()
        FROM division_changes c
        WHERE o.code = c.code`);
    }
    for (const definition of rebuild) await tx.execute(sql.raw(definition));
    // The list queries' plans depend on fresh statistics; PGlite has no autovacuum to gather them.
    if (inserted || changed.length) await tx.execute(sql`ANALYZE orgs`);
    onProgress(total, total);
    return { total, inserted, updated: changed.length };
  });
}

/** COPY text of `rows` in chunks of `copyChunkRows` lines, reporting each chunk once taken. */
function* chunks<T>(rows: T[], line: (row: T) => string, taken: (rows: number) => void = () => {}) {
  for (let start = 0; start < rows.length; start += copyChunkRows) {
    const end = Math.min(rows.length, start + copyChunkRows);
    let text = '';
    for (let i = start; i < end; i += 1) text += line(rows[i]);
    if (text) yield text;
    taken(end - start);
  }
}

/**
 * PostgreSQL's advice for bulk loads: build indexes after the data rather than row by row. Every
 * index of orgs but the primary key (other tables' foreign keys need it) and the partial ones
 * (they hold urban units only: a division row costs them a predicate check, a rebuild a scan of
 * the table) is dropped inside the import's transaction and recreated from its own stored
 * definition before commit, so nothing here repeats the schema. Readers of orgs wait for the
 * commit meanwhile.
 */
async function dropSecondaryIndexes(db: Db) {
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'orgs' AND indexname <> 'orgs_pkey'
        AND indexdef NOT LIKE '% WHERE %'`),
  );
  for (const index of indexes) await db.execute(sql.raw(`DROP INDEX "${index.name}"`));
  return indexes.map((i) => i.definition);
}
