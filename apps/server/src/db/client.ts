import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Run raw SQL with positional parameters; both drivers answer `{ rows }`. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** A dedicated connection for LISTEN; PGlite listens in-process. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  /**
   * COPY rows into a table outside any transaction (inside one, use `copyInto(tx, …)`). `data` is
   * COPY's text format in chunks of whole lines; `copyLine` writes one. Answers the row count.
   */
  copyFrom(table: string, columns: string[], data: CopyData): Promise<number>;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

/**
 * COPY's text format in chunks of whole lines (tab between values, newline after each row), as
 * text or as its UTF-8 bytes.
 */
export type CopyData = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
export type CopyValue = string | number | bigint | boolean | null | undefined;

const copySpecial = /[\\\t\n\r]/;
const copyEscapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One value in COPY's text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(value: CopyValue): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return copySpecial.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => copyEscapes[c]) : text;
}

/** One row in COPY's text format, newline included. */
export const copyLine = (values: CopyValue[]) => `${values.map(copyValue).join('\t')}\n`;

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const copyStatement = (table: string, columns: string[], source: string) =>
  `COPY ${table.split('.').map(quoteIdent).join('.')} (${columns.map(quoteIdent).join(', ')}) FROM ${source}`;

type PgliteQueryable = Pick<PGlite, 'query'>;

// Drizzle keeps the driver's client (a pool, a pooled client, PGlite or a PGlite transaction) on
// its session; the public API has no other way to reach a transaction's connection.
const driverClient = (db: Db) => (db as unknown as { session: { client: unknown } }).session.client;

/** Which database `db` (a handle's `db` or a transaction of it) runs on. */
export function driverOf(db: Db): DbHandle['kind'] {
  const client = driverClient(db);
  return client instanceof pg.Pool || client instanceof pg.Client ? 'postgres' : 'pglite';
}

/**
 * COPY `data` into `table` on the connection `db` runs on, so `db` may be a transaction (the rows
 * are then part of it, and see its locks and temporary tables). node-postgres streams the chunks
 * with COPY FROM STDIN as they are produced; PGlite has no STDIN, so the chunks are gathered into
 * one Blob for `COPY … FROM '/dev/blob'`. Answers the number of rows copied.
 */
export async function copyInto(
  db: Db,
  table: string,
  columns: string[],
  data: CopyData,
): Promise<number> {
  const client = driverClient(db);
  if (client instanceof pg.Pool) {
    const conn = await client.connect();
    try {
      return await copyStdin(conn, table, columns, data);
    } finally {
      conn.release();
    }
  }
  if (client instanceof pg.Client) return copyStdin(client, table, columns, data);
  const chunks: Array<string | Uint8Array> = [];
  for await (const chunk of data) chunks.push(chunk);
  if (!chunks.length) return 0;
  const res = await (client as PgliteQueryable).query(
    copyStatement(table, columns, `'/dev/blob'`),
    [],
    { blob: new Blob(chunks) },
  );
  return res.affectedRows ?? 0;
}

async function copyStdin(client: pg.ClientBase, table: string, columns: string[], data: CopyData) {
  const stream = client.query(copyFromStdin(copyStatement(table, columns, 'STDIN')));
  await pipeline(Readable.from(data, { objectMode: false }), stream);
  return stream.rowCount;
}

export const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export type DbOptions = { url?: string; dataDir?: string; pglite?: PGlite; poolSize?: number };

/** The repository's ./data/pglite, whatever the working directory of the command. */
const defaultDataDir = fileURLToPath(new URL('../../../../data/pglite', import.meta.url));

/** The database the server and every CLI command share: DATABASE_URL, else PGLITE_DIR or ./data. */
export function openConfiguredDb(options: Pick<DbOptions, 'poolSize'> = {}) {
  const dataDir = process.env.PGLITE_DIR ?? defaultDataDir;
  return openDb({ ...options, url: process.env.DATABASE_URL, dataDir });
}

export const describeConfiguredDb = () =>
  process.env.DATABASE_URL
    ? 'PostgreSQL'
    : `内嵌 PGlite ${process.env.PGLITE_DIR ?? defaultDataDir}`;

/** PostgreSQL when a URL is given, otherwise embedded PGlite (in `dataDir`, or in memory). */
export async function openDb(options: DbOptions = {}): Promise<DbHandle> {
  return options.url ? openPostgres(options.url, options.poolSize) : openPglite(options);
}

async function openPglite(options: DbOptions): Promise<DbHandle> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.pglite ?? (await PGlite.create(options.dataDir));
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    query: async (text, params) => {
      const res = await client.query(text, params);
      return { rows: res.rows as never[] };
    },
    listen: async (channel, onMessage) => {
      const unsub = await client.listen(channel, onMessage);
      return unsub;
    },
    copyFrom: (table, columns, data) => copyInto(db, table, columns, data),
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize = 10): Promise<DbHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // pool.end() resolves before the server has closed the sockets; wait for them so a caller that
  // drops the database next does not kill live connections.
  const closed: Promise<unknown>[] = [];
  pool.on('connect', (client) =>
    closed.push(new Promise((resolve) => client.once('end', resolve))),
  );
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    query: async (text, params) => {
      const res = await pool.query(text, params);
      return { rows: res.rows };
    },
    listen: async (channel, onMessage) => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      client.on('notification', (msg) => {
        if (msg.channel === channel) onMessage(msg.payload ?? '');
      });
      await client.query(`LISTEN "${channel.replace(/"/g, '')}"`);
      return () => client.end();
    },
    copyFrom: (table, columns, data) => copyInto(db, table, columns, data),
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
    close: async () => {
      await pool.end();
      await Promise.all(closed);
    },
  };
}
