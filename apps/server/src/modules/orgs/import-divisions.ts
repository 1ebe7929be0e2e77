import { Param, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { DivisionLevels } from './divisions-source.ts';

export type DivisionImportResult = { total: number; inserted: number; updated: number };
/** `done` of `total` steps: every row is counted once when staged and once when merged. */
export type DivisionProgress = (done: number, total: number) => void;

const chunkSize = 25_000;

type Counted = { rows: Array<{ n: number }> };
const count = (res: unknown) => Number((res as Counted).rows[0]?.n ?? 0);

/**
 * Upsert the hierarchy by code in one transaction. Rows are staged in a temporary table (one
 * array parameter per column and chunk, which PGlite and node-postgres both pass as is), then merged set
 * by set: one UPDATE for rows whose name, kind or class changed, and one INSERT … SELECT per level
 * (parents first) that computes `path`, `depth` and `provinceCode` from the parent by join. New
 * ids are drawn from the identity sequence inside the SELECT so `path`, which ends with the row's
 * own id, is written once. Equal rows are not touched, so a re-run changes nothing.
 */
export async function importDivisions(
  db: Db,
  levels: DivisionLevels,
  onProgress: DivisionProgress = () => {},
): Promise<DivisionImportResult> {
  const rows = levels.reduce((n, level) => n + level.length, 0);
  const total = rows * 2;
  let done = 0;
  onProgress(done, total);
  return db.transaction(async (tx) => {
    // Two imports at once would race for the same codes; the second waits for the first.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('pairing.import_divisions'))`);
    await tx.execute(sql`
      CREATE TEMP TABLE division_staging (
        code text NOT NULL, name text NOT NULL, parent_code text, kind org_kind NOT NULL,
        district_class district_class, level int NOT NULL
      ) ON COMMIT DROP`);
    for (const [level, levelRows] of levels.entries()) {
      for (let i = 0; i < levelRows.length; i += chunkSize) {
        const chunk = levelRows.slice(i, i + chunkSize);
        const column = (pick: (r: (typeof chunk)[number]) => string | null) =>
          new Param(chunk.map(pick));
        await tx.execute(sql`
          INSERT INTO division_staging
          SELECT *, ${level}::int FROM unnest(
            ${column((r) => r.code)}::text[], ${column((r) => r.name)}::text[],
            ${column((r) => r.parentCode)}::text[], ${column((r) => r.kind)}::text[]::org_kind[],
            ${column((r) => r.districtClass)}::text[]::district_class[])`);
        done += chunk.length;
        onProgress(done, total);
      }
    }
    await tx.execute(sql`ANALYZE division_staging`);

    const updated = count(
      await tx.execute(sql`
        WITH changed AS (
          UPDATE orgs o
          SET name = s.name, kind = s.kind, district_class = s.district_class, updated_at = now()
          FROM division_staging s
          WHERE o.code = s.code
            AND (o.name, o.kind, o.district_class) IS DISTINCT FROM (s.name, s.kind, s.district_class)
          RETURNING 1
        )
        SELECT count(*)::int AS n FROM changed`),
    );

    let inserted = 0;
    for (const [level, levelRows] of levels.entries()) {
      inserted += count(
        await tx.execute(sql`
          WITH added AS (
            INSERT INTO orgs (id, kind, code, name, parent_id, path, depth, province_code, district_class)
            OVERRIDING SYSTEM VALUE
            SELECT f.id, f.kind, f.code, f.name, p.id, coalesce(p.path, '/') || f.id || '/',
                   coalesce(p.depth + 1, 0), left(f.code, 2), f.district_class
            FROM (
              SELECT s.*, nextval(pg_get_serial_sequence('orgs', 'id')) AS id
              FROM division_staging s
              WHERE s.level = ${level}::int
                AND NOT EXISTS (SELECT 1 FROM orgs o WHERE o.code = s.code)
            ) f
            LEFT JOIN orgs p ON p.code = f.parent_code
            WHERE f.parent_code IS NULL OR p.id IS NOT NULL
            RETURNING 1
          )
          SELECT count(*)::int AS n FROM added`),
      );
      // The planner needs fresh row counts of orgs to join the next, larger level by hash.
      await tx.execute(sql`ANALYZE orgs`);
      done += levelRows.length;
      onProgress(done, total);
    }
    return { total: rows, inserted, updated };
  });
}
