import { Param, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { DivisionLevels, DivisionRow } from './divisions-source.ts';

export type DivisionImportResult = { total: number; inserted: number; updated: number };
/** `done` of `total` rows written or found unchanged. */
export type DivisionProgress = (done: number, total: number) => void;

const chunkSize = 50_000;
/** From this many new rows on (a national first import), indexes are rebuilt rather than kept. */
const defaultBulkThreshold = 100_000;

type Existing = { id: number; path: string; depth: number };
type StoredRow = Existing & {
  code: string;
  name: string;
  kind: string;
  district_class: string | null;
};

const rowsOf = <T>(res: unknown) => (res as { rows: T[] }).rows;
const array = <T>(values: T[]) => new Param(values);

/**
 * Upsert the hierarchy by code in one transaction, with as little work in SQL as a bulk load
 * allows: the stored rows of the provinces are read once, rows whose name, kind or class changed
 * are updated by one set-based UPDATE per chunk, and new rows get ids drawn from the identity
 * sequence as one block, so their `path` (ancestor ids ending with their own), `depth` and `provinceCode` are
 * computed here, parents first, and written by a plain INSERT … SELECT FROM unnest(arrays) (one
 * array parameter per column, which PGlite and node-postgres pass alike). Equal rows are not
 * touched, so a re-run changes nothing.
 */
export async function importDivisions(
  db: Db,
  levels: DivisionLevels,
  onProgress: DivisionProgress = () => {},
  bulkThreshold = defaultBulkThreshold,
): Promise<DivisionImportResult> {
  const rows = levels.flat();
  const total = rows.length;
  const provinces = [...new Set(levels[0].map((r) => r.code.slice(0, 2)))];
  let done = 0;
  onProgress(done, total);
  return db.transaction(async (tx) => {
    // Readers go on; other writers of orgs (and a second import) wait until this one commits.
    // That also makes the id block below safe: nothing else can draw from the sequence meanwhile.
    await tx.execute(sql`LOCK TABLE orgs IN SHARE ROW EXCLUSIVE MODE`);
    const stored = new Map<string, Existing>();
    const previous = new Map<string, StoredRow>();
    for (const r of rowsOf<StoredRow>(
      await tx.execute(sql`
        SELECT id, code, name, kind, district_class, path, depth FROM orgs
        WHERE code IS NOT NULL AND province_code = ANY (${array(provinces)}::text[])`),
    )) {
      stored.set(r.code, { id: Number(r.id), path: r.path, depth: r.depth });
      previous.set(r.code, r);
    }
    const fresh: DivisionRow[] = [];
    const changed: DivisionRow[] = [];
    for (const r of rows) {
      const old = previous.get(r.code);
      if (!old) fresh.push(r);
      else if (old.name !== r.name || old.kind !== r.kind || old.district_class !== r.districtClass)
        changed.push(r);
    }
    done = total - fresh.length - changed.length;
    onProgress(done, total);

    for (let i = 0; i < changed.length; i += chunkSize) {
      const chunk = changed.slice(i, i + chunkSize);
      await tx.execute(sql`
        UPDATE orgs o
        SET name = c.name, kind = c.kind::org_kind,
            district_class = c.district_class::district_class, updated_at = now()
        FROM unnest(${array(chunk.map((r) => r.code))}::text[],
                    ${array(chunk.map((r) => r.name))}::text[],
                    ${array(chunk.map((r) => r.kind))}::text[],
                    ${array(chunk.map((r) => r.districtClass))}::text[])
             AS c(code, name, kind, district_class)
        WHERE o.code = c.code`);
      done += chunk.length;
      onProgress(done, total);
    }

    // One block of ids for all new rows (one nextval per row costs seconds on a national import).
    const [block] = fresh.length
      ? rowsOf<{ last: number }>(
          await tx.execute(sql`
            SELECT setval(pg_get_serial_sequence('orgs', 'id'),
                          nextval(pg_get_serial_sequence('orgs', 'id')) + ${fresh.length - 1}) AS last`),
        )
      : [{ last: 0 }];
    const firstId = Number(block.last) - fresh.length + 1;
    // Levels come parents first, so a parent is stored or placed before its children.
    const placed: Array<DivisionRow & Existing & { parentId: number | null }> = [];
    fresh.forEach((r, i) => {
      const parent = r.parentCode ? stored.get(r.parentCode) : undefined;
      if (r.parentCode && !parent) return;
      const id = firstId + i;
      const row = {
        ...r,
        id,
        path: `${parent?.path ?? '/'}${id}/`,
        depth: parent ? parent.depth + 1 : 0,
        parentId: parent?.id ?? null,
      };
      stored.set(r.code, row);
      placed.push(row);
    });
    const rebuild =
      placed.length >= bulkThreshold ? await dropSecondaryIndexes(tx as unknown as Db) : [];
    for (let i = 0; i < placed.length; i += chunkSize) {
      const chunk = placed.slice(i, i + chunkSize);
      await tx.execute(sql`
        INSERT INTO orgs (id, kind, code, name, parent_id, path, depth, province_code, district_class)
        OVERRIDING SYSTEM VALUE
        SELECT id, kind::org_kind, code, name, parent_id, path, depth, left(code, 2),
               district_class::district_class
        FROM unnest(${array(chunk.map((r) => r.id))}::bigint[],
                    ${array(chunk.map((r) => r.kind))}::text[],
                    ${array(chunk.map((r) => r.code))}::text[],
                    ${array(chunk.map((r) => r.name))}::text[],
                    ${array(chunk.map((r) => r.parentId))}::bigint[],
                    ${array(chunk.map((r) => r.path))}::text[],
                    ${array(chunk.map((r) => r.depth))}::int[],
                    ${array(chunk.map((r) => r.districtClass))}::text[])
             AS n(id, kind, code, name, parent_id, path, depth, district_class)`);
      done += chunk.length;
      onProgress(done, total);
    }
    for (const definition of rebuild) await tx.execute(sql.raw(definition));
    // The list queries' plans depend on fresh statistics; PGlite has no autovacuum to gather them.
    if (placed.length) await tx.execute(sql`ANALYZE orgs`);
    return { total, inserted: placed.length, updated: changed.length };
  });
}

/**
 * PostgreSQL's advice for bulk loads: build indexes after the data rather than row by row. Every
 * index of orgs but the primary key (other tables' foreign keys need it) is dropped inside the
 * import's transaction and recreated from its own stored definition before commit, so nothing
 * here repeats the schema. Readers of orgs wait for the commit meanwhile.
 */
async function dropSecondaryIndexes(db: Db) {
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`
      SELECT indexname AS name, indexdef AS definition FROM pg_indexes
      WHERE schemaname = current_schema() AND tablename = 'orgs' AND indexname <> 'orgs_pkey'`),
  );
  for (const index of indexes) await db.execute(sql.raw(`DROP INDEX "${index.name}"`));
  return indexes.map((i) => i.definition);
}
