import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type DbHandle = {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Run raw SQL with positional parameters; both drivers answer `{ rows }`. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** A dedicated connection for LISTEN; PGlite listens in-process. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  migrate(): Promise<void>;
  close(): Promise<void>;
};

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
    migrate: () => migratePg(drizzlePg(pool), { migrationsFolder }),
    close: async () => {
      await pool.end();
      await Promise.all(closed);
    },
  };
}
