import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../test/global-setup.ts';
import { createAdmin } from '../commands/create-admin.ts';
import { openDb, type DbHandle } from '../db/client.ts';
import { storeBlob } from '../modules/ledger/evidence/store.ts';
import { createBackup } from './backup.ts';
import { describeFiles } from './evidence-files.ts';
import { restoreBackup } from './restore.ts';
import { listTables, quoteTable } from './tables.ts';
import type { BackupTarget } from './target.ts';

type Database = BackupTarget['database'];
type Queryable = Pick<DbHandle, 'query'>;

const url = process.env.DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'pairing-backup-'));
const dropAfter: string[] = [];
const quiet = () => {};

/** A database copied from the run's template (or an empty one), on the database under test. */
async function freshDatabase(fromTemplate: boolean): Promise<Database> {
  if (url) {
    const name = `pairing_b_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(
      `CREATE DATABASE ${name}${fromTemplate ? ` TEMPLATE ${inject('pgTemplateDb')}` : ''}`,
    );
    await admin.end();
    dropAfter.push(name);
    return { kind: 'postgres', url: withDatabase(url, name) };
  }
  const dataDir = join(work, `db-${randomBytes(4).toString('hex')}`);
  if (fromTemplate) {
    const client = await PGlite.create(dataDir, {
      loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]),
    });
    await client.close();
  }
  return { kind: 'pglite', dataDir };
}

async function withDb<T>(database: Database, use: (dbh: DbHandle) => Promise<T>): Promise<T> {
  const dbh = await openDb(
    database.kind === 'postgres'
      ? { url: database.url, poolSize: 2 }
      : { dataDir: database.dataDir },
  );
  try {
    return await use(dbh);
  } finally {
    await dbh.close();
  }
}

/** Rows and an MD5 of every row in primary-key order, per table. */
async function tableDigests(dbh: Queryable) {
  const digests: Record<string, { rows: number; md5: string }> = {};
  for (const table of await listTables(dbh)) {
    const { rows: keys } = await dbh.query<{ name: string }>(
      `select a.attname as name from pg_index i
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
        where i.indrelid = $1::regclass and i.indisprimary order by array_position(i.indkey, a.attnum)`,
      [quoteTable(table)],
    );
    const order = keys.length ? keys.map((k) => `t."${k.name}"`).join(', ') : 't::text';
    const { rows } = await dbh.query<{ n: string | number; md5: string }>(
      `select count(*) as n, md5(coalesce(string_agg(t::text, E'\\n' order by ${order}), '')) as md5
         from ${quoteTable(table)} t`,
    );
    digests[table] = { rows: Number(rows[0].n), md5: rows[0].md5 };
  }
  return digests;
}

afterAll(async () => {
  if (url && dropAfter.length) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    for (const name of dropAfter) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  rmSync(work, { recursive: true, force: true });
});

describe(`backup and restore (${url ? 'PostgreSQL' : 'PGlite'})`, () => {
  let source: BackupTarget;
  let archive: string;

  beforeAll(async () => {
    source = { database: await freshDatabase(true), evidenceDir: join(work, 'evidence-src') };
    await withDb(source.database, async (dbh) => {
      await createAdmin(dbh.db, { username: 'backup.admin', name: '备份测试管理员' });
    });
    await storeBlob(source.evidenceDir, Buffer.from('走访照片'));
    await storeBlob(source.evidenceDir, randomBytes(300_000));
    // An upload in progress is not evidence yet.
    mkdirSync(join(source.evidenceDir, 'tmp'), { recursive: true });
    writeFileSync(join(source.evidenceDir, 'tmp', 'partial'), 'half');
    archive = join(work, 'backup.tar');
    await createBackup(source, archive, quiet);
  }, 120_000);

  it('restores every table row for row and every evidence file byte for byte', async () => {
    const target = { database: await freshDatabase(false), evidenceDir: join(work, 'evidence-a') };
    const lines: string[] = [];
    const manifest = await restoreBackup(target, archive, { force: false }, (l) => lines.push(l));

    const before = await withDb(source.database, tableDigests);
    const after = await withDb(target.database, tableDigests);
    expect(Object.keys(before).length).toBeGreaterThan(20);
    expect(before['public.users'].rows).toBeGreaterThan(0);
    expect(after).toEqual(before);
    expect(manifest.tables).toEqual(
      Object.fromEntries(Object.entries(before).map(([t, d]) => [t, d.rows])),
    );

    const files = await describeFiles(target.evidenceDir);
    expect(files).toHaveLength(2);
    expect(files).toEqual(await describeFiles(source.evidenceDir));
    expect(existsSync(join(target.evidenceDir, 'tmp'))).toBe(false);
    expect(lines.at(-1)).toMatch(/^完成/);
  }, 120_000);

  it('refuses a target that holds data unless forced, and then replaces it', async () => {
    const target = { database: await freshDatabase(true), evidenceDir: join(work, 'evidence-b') };
    await storeBlob(target.evidenceDir, Buffer.from('将被替换'));
    await expect(restoreBackup(target, archive, { force: false }, quiet)).rejects.toThrow(
      /目标数据库不为空/,
    );
    const emptyDb = { database: await freshDatabase(false), evidenceDir: target.evidenceDir };
    await expect(restoreBackup(emptyDb, archive, { force: false }, quiet)).rejects.toThrow(
      /证据目录 .* 不为空/,
    );

    await restoreBackup(target, archive, { force: true }, quiet);
    expect(await withDb(target.database, tableDigests)).toEqual(
      await withDb(source.database, tableDigests),
    );
    expect(await describeFiles(target.evidenceDir)).toEqual(
      await describeFiles(source.evidenceDir),
    );
  }, 120_000);
});
