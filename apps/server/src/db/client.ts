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
  /**
   * A dedicated connection for LISTEN; PGlite listens in-process. On PostgreSQL a dropped
   * connection is reopened with backoff and `onGap` runs once it listens again: notifications sent
   * while it was away are lost, so the listener must catch up from the tables.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onGap?: () => void,
  ): Promise<() => Promise<void>>;
  /**
   * COPY rows into a table outside any transaction (inside one, use `copyInto(tx, …)`). `data` is
   * COPY's text format in chunks of whole lines; `copyLine` writes one. Answers the row count.
   */
  copyFrom(table: string, columns: string[], data: CopyData): Promise<number>;
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The pool's connections (PostgreSQL only), for metrics. */
  poolStats?: () => { total: number; idle: number; waiting: number };
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

export type DbOptions = {
  url?: string;
  dataDir?: string;
  pglite?: PGlite;
  poolSize?: number;
  /**
   * PostgreSQL: the owner's URL that migrations run with, when the server's own role may not
   * change the schema (MIGRATION_DATABASE_URL); the server's URL otherwise.
   */
  migrationUrl?: string;
  /** Where connection trouble is reported (a dropped connection is not a crash); stderr. */
  warn?: (message: string) => void;
};

const warnStderr = (message: string) => console.error(message);

/** The first line of an error, for one-line reports (a refused dual-stack connect has no message). */
export function reasonOf(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as { code?: unknown }).code;
  const message =
    err.message ||
    (err instanceof AggregateError ? err.errors.map(reasonOf).join('; ') : '') ||
    String(code ?? err.name);
  return message.split('\n')[0];
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  '57P01', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now: starting up or in recovery
  '53300', // too_many_connections
]);
// node-postgres reports a lost or unobtainable connection by message only.
const unavailableMessages =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Connection ended/;

/**
 * Whether `err` (or an error it wraps, as Drizzle's query errors do) says the database cannot be
 * reached, rather than that a statement failed: class 08 (connection exception), shutdowns,
 * refused or reset sockets and node-postgres's terminated connections.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08')))
      return true;
    if (unavailableMessages.test(e.message)) return true;
    if (e instanceof AggregateError && e.errors.some(isDatabaseUnavailable)) return true;
    e = e.cause;
  }
  return false;
}

/** `url` without its password, for messages. */
export function redactUrl(url: string) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(无效的 DATABASE_URL)';
  }
}

const firstRetryMs = 100;
const maxRetryMs = 5_000;

/** The repository's ./data/pglite, whatever the working directory of the command. */
const defaultDataDir = fileURLToPath(new URL('../../../../data/pglite', import.meta.url));

/** The embedded database's directory: PGLITE_DIR, else ./data/pglite. */
export const configuredPgliteDir = () => process.env.PGLITE_DIR ?? defaultDataDir;

/** The database the server and every CLI command share: DATABASE_URL, else PGLITE_DIR or ./data. */
export async function openConfiguredDb(options: Pick<DbOptions, 'poolSize'> = {}) {
  const dataDir = configuredPgliteDir();
  const url = process.env.DATABASE_URL;
  const migrationUrl = process.env.MIGRATION_DATABASE_URL || undefined;
  const dbh = await openDb({ ...options, url, dataDir, migrationUrl });
  if (!url) return dbh;
  // Connect once now, so an unreachable server is one clear line instead of the first
  // statement's error (a Drizzle error wrapping the migration's SQL).
  try {
    await dbh.query('select 1');
  } catch (err) {
    await dbh.close().catch(() => {});
    throw new Error(`无法连接数据库 ${redactUrl(url)}: ${reasonOf(err)}`);
  }
  return dbh;
}

export const describeConfiguredDb = () =>
  process.env.DATABASE_URL
    ? 'PostgreSQL'
    : `内嵌 PGlite ${process.env.PGLITE_DIR ?? defaultDataDir}`;

/** PostgreSQL when a URL is given, otherwise embedded PGlite (in `dataDir`, or in memory). */
export async function openDb(options: DbOptions = {}): Promise<DbHandle> {
  return options.url
    ? openPostgres(options.url, options, options.warn ?? warnStderr)
    : openPglite(options);
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

async function openPostgres(
  url: string,
  { poolSize, migrationUrl }: Pick<DbOptions, 'poolSize' | 'migrationUrl'>,
  warn: (message: string) => void,
): Promise<DbHandle> {
  // A request waits at most this long for a connection, so an unreachable database answers 503
  // instead of holding requests open.
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  // An idle pooled connection that dies is reported here; unhandled, the event ends the process.
  pool.on('error', (err) => warn(`数据库连接中断: ${reasonOf(err)}`));
  // pool.end() resolves before the server has closed the sockets; wait for them so a caller that
  // drops the database next does not kill live connections.
  const closed: Promise<unknown>[] = [];
  pool.on('connect', (client) => {
    // A checked-out client (inside a transaction, between statements) has no pool listener: its
    // connection's death would be an unhandled 'error' event. The statement in flight fails anyway.
    client.on('error', () => {});
    closed.push(new Promise((resolve) => client.once('end', resolve)));
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    query: async (text, params) => {
      const res = await pool.query(text, params);
      return { rows: res.rows };
    },
    listen: (channel, onMessage, onGap) => listenPostgres(url, channel, onMessage, onGap, warn),
    copyFrom: (table, columns, data) => copyInto(db, table, columns, data),
    migrate: () =>
      migrationUrl
        ? migrateAsOwner(migrationUrl)
        : migratePg(drizzlePg(pool), { migrationsFolder }),
    poolStats: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    close: async () => {
      await pool.end();
      await Promise.all(closed);
    },
  };
}

/** Migrate through the owner's own short-lived connection (docs/architecture.md "Database roles"). */
async function migrateAsOwner(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 5_000 });
  pool.on('error', () => {});
  try {
    await migratePg(drizzlePg(pool), { migrationsFolder });
  } finally {
    await pool.end();
  }
}

/**
 * LISTEN on its own connection and keep listening: when the connection drops (or cannot be made
 * at first), try again after 100 ms, doubling to 5 s between attempts, LISTEN again and call
 * `onGap`, since whatever was notified meanwhile is lost.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onMessage: (payload: string) => void,
  onGap: (() => void) | undefined,
  warn: (message: string) => void,
) {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  let delay = firstRetryMs;

  const open = async () => {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    c.on('error', (err) => {
      warn(`数据库监听连接中断: ${reasonOf(err)}`);
      lost(c);
    });
    c.on('end', () => lost(c));
    c.on('notification', (msg) => {
      if (msg.channel === channel) onMessage(msg.payload ?? '');
    });
    client = c;
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    } catch (err) {
      client = undefined;
      c.end().catch(() => {});
      throw err;
    }
  };
  const attempt = async (afterGap: boolean) => {
    retry = undefined;
    if (stopped) return;
    try {
      await open();
      delay = firstRetryMs;
      if (afterGap) onGap?.();
    } catch (err) {
      warn(`数据库监听连接失败（${delay} ms 后重试）: ${reasonOf(err)}`);
      schedule();
    }
  };
  const schedule = () => {
    retry = setTimeout(() => void attempt(true), delay);
    retry.unref();
    delay = Math.min(delay * 2, maxRetryMs);
  };
  // Both 'error' and 'end' arrive for one drop; only the current client schedules a retry.
  const lost = (dead: pg.Client) => {
    if (stopped || dead !== client || retry) return;
    client = undefined;
    schedule();
  };

  await attempt(false);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end().catch(() => {});
  };
}
