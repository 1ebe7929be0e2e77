import { createReadStream } from 'node:fs';
import { mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import tar from 'tar-stream';
import { describeFiles, hashFile } from './evidence-files.ts';
import {
  backupFormatVersion,
  databaseEntryName,
  evidencePrefix,
  manifestName,
  type Manifest,
} from './manifest.ts';
import { checkDumpVersion, pgDump } from './postgres-tools.ts';
import { countRows, queryable } from './tables.ts';
import type { BackupTarget, Progress } from './target.ts';

type DatabaseDump = Omit<Manifest['database'], 'bytes' | 'sha256'> & {
  tables: Manifest['tables'];
};

/**
 * pg_dump of the whole database. The rows are counted in a transaction whose snapshot pg_dump
 * shares, so the manifest's counts are the dump's even while the server keeps writing.
 */
async function dumpPostgres(url: string, file: string): Promise<DatabaseDump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const version = await client.query<{ v: string }>(
      `select current_setting('server_version_num') as v`,
    );
    const serverVersion = Number(version.rows[0].v);
    const dumpVersion = await checkDumpVersion(serverVersion);
    await client.query('begin isolation level repeatable read read only');
    const snapshot = await client.query<{ id: string }>('select pg_export_snapshot() as id');
    const tables = await countRows(queryable(client));
    await pgDump(url, file, snapshot.rows[0].id);
    await client.query('commit');
    return { kind: 'postgres', serverVersion, dumpVersion, tables };
  } finally {
    await client.end();
  }
}

/** PGlite's data directory; it must not be open in a server at the same time. */
async function dumpPglite(dataDir: string, file: string): Promise<DatabaseDump> {
  const db = await PGlite.create(dataDir);
  try {
    const version = await db.query<{ v: string }>(
      `select current_setting('server_version_num') as v`,
    );
    const tables = await countRows(queryable(db));
    const dump = await db.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await dump.arrayBuffer()));
    return { kind: 'pglite', serverVersion: Number(version.rows[0].v), tables };
  } finally {
    await db.close();
  }
}

/**
 * One archive of the database and the evidence files: a tar whose first entry is the manifest
 * (format, database kind, time, rows per table, every file with its SHA-256). Written beside
 * `out` under a temporary name and renamed when complete.
 */
export async function createBackup(target: BackupTarget, out: string, progress: Progress) {
  const work = await mkdtemp(join(dirname(out), `.${basename(out)}-`));
  try {
    const dbFile = join(work, databaseEntryName);
    progress(
      `备份数据库 (${target.database.kind === 'postgres' ? 'PostgreSQL pg_dump' : 'PGlite 数据目录'})…`,
    );
    const { tables, ...database } =
      target.database.kind === 'postgres'
        ? await dumpPostgres(target.database.url, dbFile)
        : await dumpPglite(target.database.dataDir, dbFile);
    const dbHash = await hashFile(dbFile);
    progress(`数据库: ${Object.keys(tables).length} 张表, ${dbHash.bytes} 字节`);
    const files = await describeFiles(target.evidenceDir);
    progress(`证据文件: ${files.length} 个`);
    const manifest: Manifest = {
      format: backupFormatVersion,
      createdAt: new Date().toISOString(),
      database: { ...database, ...dbHash },
      tables,
      files,
    };

    const partial = join(work, 'archive.tar');
    const pack = tar.pack();
    const written = pipeline(pack, createWriteStream(partial));
    const addFile = (name: string, path: string, size: number) =>
      new Promise<void>((resolve, reject) => {
        const entry = pack.entry({ name, size, mode: 0o640 }, (err) =>
          err ? reject(err) : resolve(),
        );
        createReadStream(path).on('error', reject).pipe(entry);
      });
    pack.entry({ name: manifestName, mode: 0o640 }, JSON.stringify(manifest, null, 2));
    await addFile(databaseEntryName, dbFile, dbHash.bytes);
    for (const [i, file] of files.entries()) {
      await addFile(evidencePrefix + file.path, join(target.evidenceDir, file.path), file.bytes);
      if ((i + 1) % 1000 === 0) progress(`已写入证据文件 ${i + 1}/${files.length}`);
    }
    pack.finalize();
    await written;
    await rename(partial, out);
    progress(`完成: ${out} (${(await stat(out)).size} 字节)`);
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
