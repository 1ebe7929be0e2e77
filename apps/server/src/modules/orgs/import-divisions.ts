import { Param, sql } from 'drizzle-orm';
import { copyInto, copyLine, copyValue, driverOf, type Db } from '../../db/client.ts';
import type { DivisionLevels, DivisionRow } from './divisions-source.ts';

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
 * - New rows get ids as one block drawn from the identity sequence, so their `path` (ancestor ids
 *   ending with their own), `depth` and `province_code` are computed here, parents first, and the
 *   rows are COPied straight into `orgs` — no staging table and no INSERT … SELECT, since nothing
 *   else can have written those codes meanwhile.
 *
 * The same path runs on PGlite and PostgreSQL; only the transport of `copyInto` differs.
 */
export async function importDivisions(
  db: Db,
  levels: DivisionLevels,
  onProgress: DivisionProgress = () => {},
  bulkThreshold = defaultBulkThreshold,
): Promise<DivisionImportResult> {
  const total = levels.reduce((n, level) => n + level.length, 0);
  const provinces = [...new Set(levels[0].map((r) => r.code.slice(0, 2)))];
  let done = 0;
  onProgress(done, total);
  return db.transaction(async (tx) => {
    // Readers go on; other writers of orgs (and a second import) wait until this one commits.
    // That also makes the id block below safe: nothing else can draw from the sequence meanwhile.
    await tx.execute(sql`LOCK TABLE orgs IN SHARE ROW EXCLUSIVE MODE`);
    // Index rebuilds sort in memory rather than in temporary files.
    await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
    // An import lost in a crash right after its commit is simply run again, so the commit need
    // not wait for its WAL to reach the disk. Not on PGlite: single-user, it has no WAL writer to
    // flush that WAL later, and a data directory dumped or closed meanwhile loses the commit.
    if (driverOf(tx as unknown as Db) === 'postgres')
      await tx.execute(sql`SET LOCAL synchronous_commit = off`);

    const stored = new Map<string, Stored>();
    for (const r of rowsOf<StoredRow>(
      await tx.execute(sql`
        SELECT id, code, name, kind, district_class, path, depth FROM orgs
        WHERE code IS NOT NULL AND province_code = ANY (${new Param(provinces)}::text[])`),
    ))
      stored.set(r.code, {
        id: Number(r.id),
        path: r.path,
        depth: r.depth,
        name: r.name,
        kind: r.kind,
        districtClass: r.district_class,
      });

    const fresh: DivisionRow[] = [];
    const changed: DivisionRow[] = [];
    // New rows of the last level (villages and communities) are nobody's parents.
    let leavesFrom = 0;
    levels.forEach((level, l) => {
      if (l === levels.length - 1) leavesFrom = fresh.length;
      for (const r of level) {
        const old = stored.get(r.code);
        if (!old) fresh.push(r);
        else if (
          old.name !== r.name ||
          old.kind !== r.kind ||
          old.districtClass !== r.districtClass
        )
          changed.push(r);
      }
    });
    done = total - fresh.length - changed.length;
    onProgress(done, total);

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
      done += changed.length;
      onProgress(done, total);
    }
    if (!fresh.length) return { total, inserted: 0, updated: changed.length };

    // One block of ids for all new rows (one nextval per row costs seconds on a national import).
    const [block] = rowsOf<{ last: number }>(
      await tx.execute(sql`
        SELECT setval(pg_get_serial_sequence('orgs', 'id'),
                      nextval(pg_get_serial_sequence('orgs', 'id')) + ${fresh.length - 1}) AS last`),
    );
    const firstId = Number(block.last) - fresh.length + 1;
    const rebuild =
      fresh.length >= bulkThreshold ? await dropSecondaryIndexes(tx as unknown as Db) : [];

    // Rows are placed while their COPY text is produced: levels come parents first, so a parent
    // is stored or placed before its children. A row whose parent is unknown is skipped.
    let inserted = 0;
    let parentCode: string | null = null;
    let parent: Stored | undefined;
    await copyInto(
      tx,
      'orgs',
      orgColumns,
      chunks(
        fresh,
        (r, i) => {
          // Siblings come together: one lookup per parent.
          if (r.parentCode !== parentCode) {
            parentCode = r.parentCode;
            parent = parentCode === null ? undefined : stored.get(parentCode);
          }
          if (parentCode !== null && !parent) return '';
          const id = firstId + i;
          const path = `${parent ? parent.path : '/'}${id}/`;
          const depth = parent ? parent.depth + 1 : 0;
          if (i < leavesFrom) stored.set(r.code, { id, path, depth });
          inserted += 1;
          // Kind and class are enum labels, ids and path digits; the rest is escaped if need be.
          return `${id}\t${r.kind}\t${copyValue(r.code)}\t${copyValue(r.name)}\t${parent ? parent.id : '\\N'}\t${path}\t${depth}\t${copyValue(r.code.slice(0, 2))}\t${r.districtClass ?? '\\N'}\n`;
        },
        (n) => {
          done += n;
          onProgress(done, total);
        },
      ),
    );
    for (const definition of rebuild) await tx.execute(sql.raw(definition));
    // The list queries' plans depend on fresh statistics; PGlite has no autovacuum to gather them.
    await tx.execute(sql`ANALYZE orgs`);
    return { total, inserted, updated: changed.length };
  });
}

/** COPY text of `rows` in chunks of `copyChunkRows` lines, reporting each chunk once taken. */
function* chunks<T>(
  rows: T[],
  line: (row: T, index: number) => string,
  taken: (rows: number) => void = () => {},
) {
  for (let start = 0; start < rows.length; start += copyChunkRows) {
    const end = Math.min(rows.length, start + copyChunkRows);
    let text = '';
    for (let i = start; i < end; i += 1) text += line(rows[i], i);
    yield text;
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
