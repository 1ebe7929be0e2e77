import { Param, sql } from 'drizzle-orm';
import { copyInto, copyLine, driverOf, type Db } from '../../db/client.ts';
import { CopyWriter } from '../../db/copy-writer.ts';
import type { DivisionRow, DivisionSource } from './divisions-source.ts';
import type { DivisionLines } from './division-lines.ts';

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
  'parent_id',
  'path',
  'depth',
  'kind',
  'district_class',
  'code',
  'province_code',
  'name',
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
      expectedNew >= bulkThreshold ? await dropKeysAndIndexes(tx as unknown as Db) : [];

    // Rows are placed while their COPY text is written: levels come parents first, so a parent
    // is stored or placed before its children. A row whose parent is unknown is skipped.
    const out = new CopyWriter();
    let inserted = 0;
    let parentCode: string | null = null;
    let parent: Stored | undefined;
    // The parent's id column and its path, which starts the child's: written once per parent.
    let parentColumns = Buffer.from('\\N\t/');
    const knownParent = (code: string | null) => {
      // Siblings come together: one lookup per parent.
      if (code !== parentCode) {
        parentCode = code;
        parent = code === null ? undefined : stored.get(code);
        parentColumns = Buffer.from(parent ? `${parent.id}\t${parent.path}` : '\\N\t/');
      }
      return code === null || parent !== undefined;
    };
    // The columns up to the class (`orgColumns`' order); the caller writes code, province, name.
    const place = (kind: string, districtClass: string | null) => {
      const id = firstId + inserted;
      inserted += 1;
      out.int(id);
      out.separator();
      out.bytes(parentColumns);
      out.int(id);
      out.ascii('/\t');
      out.int(parent ? parent.depth + 1 : 0);
      out.separator();
      out.ascii(kind);
      out.separator();
      if (districtClass) out.ascii(districtClass);
      else out.null();
      out.separator();
      return id;
    };
    const placeUpper = (r: DivisionRow) => {
      if (!knownParent(r.parentCode)) return;
      const id = place(r.kind, r.districtClass);
      const path = `${parent ? parent.path : '/'}${id}/`;
      stored.set(r.code, { id, path, depth: parent ? parent.depth + 1 : 0 });
      out.text(r.code);
      out.separator();
      out.text(r.code.slice(0, 2));
      out.separator();
      out.text(r.name);
      out.endRow();
    };
    // NaN equals nothing, so the first village-level row looks its parent up.
    let lastParent = Number.NaN;
    let parentPlaced = false;
    const placeLeaves = (chunk: DivisionLines) => {
      for (let row = 0; row < chunk.count; row += 1) {
        if (chunk.parents[row] !== lastParent) {
          lastParent = chunk.parents[row];
          parentPlaced = knownParent(chunk.parentCode(row));
        }
        // Only a re-run finds village-level rows already stored: they are compared, not placed.
        if (!parentPlaced || (storedLeaves && !isFresh(chunk.row(row)))) continue;
        place(chunk.kind(row), null);
        chunk.writeCode(out, row);
        out.separator();
        chunk.writeProvince(out, row);
        out.separator();
        chunk.writeName(out, row);
        out.endRow();
      }
    };
    function* taken() {
      const bytes = out.take();
      if (bytes.length) yield bytes;
    }
    let leafRows = 0;
    function* newRows() {
      for (let start = 0; start < freshUpper.length; start += copyChunkRows) {
        const rows = freshUpper.slice(start, start + copyChunkRows);
        rows.forEach(placeUpper);
        yield* taken();
        onProgress((done += rows.length), total);
      }
      for (const chunk of source.leaves()) {
        leafRows += chunk.count;
        placeLeaves(chunk);
        yield* taken();
        onProgress((done += chunk.count), total);
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

/** COPY text of `rows` in chunks of `copyChunkRows` lines. */
function* chunks<T>(rows: T[], line: (row: T) => string) {
  for (let start = 0; start < rows.length; start += copyChunkRows)
    yield rows
      .slice(start, start + copyChunkRows)
      .map(line)
      .join('');
}

/**
 * PostgreSQL's advice for bulk loads: build indexes and keys after the data rather than row by row.
 * Inside the import's transaction every index of orgs but the partial ones (they hold urban units
 * only: a division row costs them a predicate check, a rebuild a scan of the table) is dropped,
 * the primary key with the foreign keys of other tables that depend on it; the answer recreates
 * them from their own stored definitions (key, indexes, then the foreign keys, which check their
 * rows again), so nothing here repeats the schema. Readers of orgs and of the referencing tables
 * wait for the commit meanwhile.
 */
async function dropKeysAndIndexes(db: Db) {
  const foreignKeys = rowsOf<{ table: string; name: string; definition: string }>(
    await db.execute(sql`
      SELECT conrelid::regclass::text AS table, conname AS name,
             pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE confrelid = 'orgs'::regclass AND contype = 'f'`),
  );
  const [primaryKey] = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`
      SELECT conname AS name, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint WHERE conrelid = 'orgs'::regclass AND contype = 'p'`),
  );
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'orgs'
        AND indexname <> ${primaryKey.name} AND indexdef NOT LIKE '% WHERE %'`),
  );
  const constraint = (table: string, action: 'ADD' | 'DROP', name: string) =>
    `ALTER TABLE ${table} ${action} CONSTRAINT "${name}"`;
  const drops = [
    ...foreignKeys.map((fk) => constraint(fk.table, 'DROP', fk.name)),
    constraint('orgs', 'DROP', primaryKey.name),
    ...indexes.map((i) => `DROP INDEX "${i.name}"`),
  ];
  for (const statement of drops) await db.execute(sql.raw(statement));
  return [
    `${constraint('orgs', 'ADD', primaryKey.name)} ${primaryKey.definition}`,
    ...indexes.map((i) => i.definition),
    ...foreignKeys.map((fk) => `${constraint(fk.table, 'ADD', fk.name)} ${fk.definition}`),
  ];
}
