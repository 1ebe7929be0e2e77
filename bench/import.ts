// `npm run bench:import`: the national division import on PostgreSQL beside a plain COPY of the
// same rows, then the p95 latency of the directory list filtered by a district on that data.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { openDb } from '../apps/server/src/db/client.ts';
import type { Scope } from '../apps/server/src/lib/scope.ts';
import { seededRandom } from '../apps/server/src/modules/demo/rng.ts';
import { loadDivisions } from '../apps/server/src/modules/orgs/divisions-source.ts';
import { importDivisions } from '../apps/server/src/modules/orgs/import-divisions.ts';
import { listOrgs, type ListQuery } from '../apps/server/src/modules/orgs/queries.ts';

const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const database = `pairing_bench_${process.pid}`;
const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};
const seconds = (ms: number) => (ms / 1000).toFixed(2);
const columns = 'id, kind, code, name, parent_id, path, depth, province_code, district_class';

const admin = new pg.Client({ connectionString: baseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${database}`);
const url = withDatabase(baseUrl, database);
const dbh = await openDb({ url, poolSize: 4 });
try {
  await dbh.migrate();

  let started = performance.now();
  const result = await importDivisions(dbh.db, loadDivisions());
  const importMs = performance.now() - started;
  console.log(
    `import-divisions --all: ${result.inserted} rows in ${seconds(importMs)} s (reading the package included)`,
  );

  // The same rows, as the import wrote them, into a bare table with the same columns.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const chunks: Buffer[] = [];
  await pipeline(
    client.query(copyTo(`COPY (SELECT ${columns} FROM orgs) TO STDOUT`)),
    async (src) => {
      for await (const chunk of src) chunks.push(chunk as Buffer);
    },
  );
  await client.query(`CREATE TABLE orgs_copy AS SELECT ${columns} FROM orgs WITH NO DATA`);
  started = performance.now();
  await pipeline(Readable.from(chunks), client.query(copyFrom('COPY orgs_copy FROM STDIN')));
  const copyMs = performance.now() - started;
  const floorMs = await serverFloor(client, chunks);
  // For context only: the same COPY into an empty table with the keys and indexes of orgs.
  await client.query(`CREATE TABLE orgs_indexed (LIKE orgs INCLUDING ALL)`);
  started = performance.now();
  await pipeline(
    Readable.from(chunks),
    client.query(copyFrom(`COPY orgs_indexed (${columns}) FROM STDIN`)),
  );
  const indexedMs = performance.now() - started;
  await client.end();
  console.log(`COPY of the same ${result.inserted} rows: ${seconds(copyMs)} s`);
  const ratio = importMs / copyMs;
  console.log(`ratio import/COPY: ${ratio.toFixed(2)} (goal ≤ 3)`);
  console.log(
    `for context, COPY into an empty table with the keys and indexes of orgs: ${seconds(indexedMs)} s (import/that ${(importMs / indexedMs).toFixed(2)})`,
  );
  console.log(
    `for context, the server's own floor (COPY into an unindexed copy of orgs, then its key, indexes and statistics): ${seconds(floorMs)} s (${(floorMs / copyMs).toFixed(2)}× the bare COPY)`,
  );

  // A city admin pages through one of its districts, with and without filters.
  const districts = (
    await dbh.query<{ id: number; city_id: number; city_path: string }>(`
      SELECT d.id, c.id AS city_id, c.path AS city_path FROM orgs d JOIN orgs c ON c.id = d.parent_id
      WHERE d.kind = 'district' ORDER BY d.id`)
  ).rows;
  const rng = seededRandom(7);
  const filters: Array<Partial<ListQuery>> = [
    {},
    { kind: 'village' },
    { kind: 'community' },
    { weak: false },
    { q: '村' },
    { kind: 'village', covered: false },
  ];
  const timings: number[] = [];
  const requests = 200;
  for (let i = 0; i < requests + 20; i += 1) {
    const d = rng.pick(districts);
    const scope: Scope = {
      userId: 1,
      username: 'bench',
      role: 'city_admin',
      orgId: Number(d.city_id),
      path: d.city_path,
    };
    const query: ListQuery = {
      districtId: Number(d.id),
      page: rng.int(1, 5),
      pageSize: 20,
      ...rng.pick(filters),
    };
    const t = performance.now();
    await listOrgs(dbh.db, scope, query);
    // The first requests warm the connection pool and the cache.
    if (i >= 20) timings.push(performance.now() - t);
  }
  timings.sort((a, b) => a - b);
  const p95 = timings[Math.ceil(timings.length * 0.95) - 1];
  const p50 = timings[Math.ceil(timings.length * 0.5) - 1];
  console.log(
    `GET /api/orgs (service) filtered by district, ${requests} requests: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (goal < 50 ms)`,
  );
  console.log(
    `RESULT import_s=${seconds(importMs)} copy_s=${seconds(copyMs)} ratio=${ratio.toFixed(2)} list_p95_ms=${p95.toFixed(1)}`,
  );
} finally {
  await dbh.close();
  await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  await admin.end();
}

/**
 * The least any import ending with orgs' table could cost the server: the rows COPied into an
 * empty table with orgs' columns and defaults, then its primary key and every other index of
 * orgs built, then ANALYZE, in one transaction with the import's session settings.
 */
async function serverFloor(client: pg.Client, chunks: Buffer[]) {
  await client.query(`CREATE TABLE orgs_floor (LIKE orgs INCLUDING DEFAULTS)`);
  const { rows: indexes } = await client.query<{ definition: string }>(`
    SELECT indexdef AS definition FROM pg_indexes
    WHERE schemaname = current_schema() AND tablename = 'orgs' AND indexname <> 'orgs_pkey'`);
  const started = performance.now();
  await client.query('BEGIN');
  await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  await client.query(`SET LOCAL synchronous_commit = off`);
  await pipeline(
    Readable.from(chunks),
    client.query(copyFrom(`COPY orgs_floor (${columns}) FROM STDIN`)),
  );
  await client.query(`ALTER TABLE orgs_floor ADD PRIMARY KEY (id)`);
  for (const { definition } of indexes)
    await client.query(definition.replace(/INDEX \S+ ON \S+/, 'INDEX ON orgs_floor'));
  await client.query(`ANALYZE orgs_floor`);
  await client.query('COMMIT');
  return performance.now() - started;
}
