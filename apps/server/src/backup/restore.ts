import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import tar from 'tar-stream';
import { listFiles, safeRelativePath } from './evidence-files.ts';
import {
  databaseEntryName,
  evidencePrefix,
  manifestName,
  manifestSchema,
  type Manifest,
} from './manifest.ts';
import { checkRestoreVersion, pgRestore } from './postgres-tools.ts';
import { countRows, listTables, queryable } from './tables.ts';
import type { BackupTarget, Progress } from './target.ts';

export class RestoreRefused extends Error {}

/** Write one entry to `path`, answering its digest and size. */
async function saveEntry(entry: AsyncIterable<unknown>, path: string) {
  const hash = createHash('sha256');
  let bytes = 0;
  await mkdir(dirname(path), { recursive: true });
  await pipeline(
    entry,
    async function* (chunks) {
      for await (const chunk of chunks as AsyncIterable<Buffer>) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    createWriteStream(path, { flags: 'wx', mode: 0o640 }),
  );
  return { sha256: hash.digest('hex'), bytes };
}

const same = (a: { sha256: string; bytes: number }, b: { sha256: string; bytes: number }) =>
  a.sha256 === b.sha256 && a.bytes === b.bytes;

/**
 * Unpack the archive into `work` (database) and `staging` (evidence files), checking every entry
 * against the manifest, which must come first. Nothing of the target is touched here.
 */
async function unpack(file: string, work: string, staging: string, progress: Progress) {
  const extract = tar.extract();
  const source = createReadStream(file);
  source.on('error', (err) => extract.destroy(err));
  source.pipe(extract);
  let manifest: Manifest | undefined;
  let expected = new Map<string, Manifest['files'][number]>();
  let databaseSeen = false;
  let filesSeen = 0;
  for await (const entry of extract) {
    const { name, type } = entry.header;
    if (type !== 'file') throw new RestoreRefused(`备份中有不允许的条目类型 ${type}: ${name}`);
    if (!manifest) {
      if (name !== manifestName) throw new RestoreRefused('备份的第一个条目不是清单');
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      const parsed = manifestSchema.safeParse(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      if (!parsed.success) throw new RestoreRefused(`备份清单无效: ${parsed.error.message}`);
      manifest = parsed.data;
      expected = new Map(manifest.files.map((f) => [f.path, f]));
      progress(
        `清单: ${manifest.createdAt} 创建, ${manifest.database.kind}, ${Object.keys(manifest.tables).length} 张表, ${manifest.files.length} 个证据文件`,
      );
      continue;
    }
    if (name === databaseEntryName && !databaseSeen) {
      databaseSeen = true;
      const got = await saveEntry(entry, join(work, databaseEntryName));
      if (!same(got, manifest.database))
        throw new RestoreRefused('数据库转储的 SHA-256 与清单不符');
      progress(`数据库转储已校验 (${got.bytes} 字节)`);
      continue;
    }
    const rel = name.startsWith(evidencePrefix)
      ? safeRelativePath(name.slice(evidencePrefix.length))
      : null;
    if (!rel) throw new RestoreRefused(`备份中有证据目录之外的路径: ${name}`);
    const listed = expected.get(rel);
    if (!listed) throw new RestoreRefused(`备份中有清单未列出的文件: ${name}`);
    expected.delete(rel);
    const got = await saveEntry(entry, join(staging, rel));
    if (!same(got, listed)) throw new RestoreRefused(`证据文件的 SHA-256 与清单不符: ${rel}`);
    filesSeen += 1;
    if (filesSeen % 1000 === 0) progress(`已校验证据文件 ${filesSeen}/${manifest.files.length}`);
  }
  if (!manifest) throw new RestoreRefused('备份为空或不是本平台的备份');
  if (!databaseSeen) throw new RestoreRefused('备份中缺少数据库转储');
  if (expected.size) throw new RestoreRefused(`备份中缺少 ${expected.size} 个证据文件`);
  progress(`证据文件已校验: ${filesSeen} 个`);
  return manifest;
}

async function isEmptyDir(dir: string) {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw err;
  }
}

async function postgresHasTables(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await listTables(queryable(client))).length > 0;
  } finally {
    await client.end();
  }
}

/** Put `staging` where `dir` is, moving anything there aside first and removing it after. */
async function swapInto(staging: string, dir: string) {
  const aside = `${dir}.replaced-${randomBytes(4).toString('hex')}`;
  const had = await rename(dir, aside).then(
    () => true,
    (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false;
      throw err;
    },
  );
  await mkdir(dirname(dir), { recursive: true });
  await rename(staging, dir);
  if (had) await rm(aside, { recursive: true, force: true });
}

/** Load PGlite's data directory into `staging` and count its rows; closed before it is moved. */
async function restorePglite(dump: string, staging: string) {
  const db = await PGlite.create(staging, {
    loadDataDir: new Blob([new Uint8Array(await readFile(dump))]),
  });
  try {
    return await countRows(queryable(db));
  } finally {
    await db.close();
  }
}

async function countPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await countRows(queryable(client));
  } finally {
    await client.end();
  }
}

/**
 * Restore an archive made by `createBackup` into `target`. Refuses a target that holds a database
 * or evidence files unless `force`; checks every entry against the manifest before changing
 * anything; then loads the database, puts the evidence files in place and compares every table's
 * row count with the manifest.
 */
export async function restoreBackup(
  target: BackupTarget,
  file: string,
  options: { force: boolean },
  progress: Progress,
): Promise<Manifest> {
  const db = target.database;
  const evidenceDir = target.evidenceDir;
  await mkdir(dirname(evidenceDir), { recursive: true });
  const staging = await mkdtemp(`${evidenceDir}.restoring-`);
  const work = await mkdtemp(join(dirname(evidenceDir), '.restore-work-'));
  try {
    if (!options.force) {
      const occupied =
        db.kind === 'postgres' ? await postgresHasTables(db.url) : !(await isEmptyDir(db.dataDir));
      if (occupied) throw new RestoreRefused('目标数据库不为空；确认覆盖请加 --force');
      if ((await listFiles(evidenceDir)).length)
        throw new RestoreRefused(`证据目录 ${evidenceDir} 不为空；确认覆盖请加 --force`);
    }
    const manifest = await unpack(file, work, staging, progress);
    if (manifest.database.kind !== db.kind) {
      throw new RestoreRefused(`备份来自 ${manifest.database.kind}，不能恢复到 ${db.kind}`);
    }
    progress('恢复数据库…');
    const dump = join(work, databaseEntryName);
    let counts: Record<string, number>;
    if (db.kind === 'postgres') {
      await checkRestoreVersion(manifest.database.dumpVersion);
      await pgRestore(db.url, dump, options.force);
      counts = await countPostgres(db.url);
    } else {
      const dbStaging = await mkdtemp(`${db.dataDir}.restoring-`);
      try {
        counts = await restorePglite(dump, dbStaging);
        await swapInto(dbStaging, db.dataDir);
      } finally {
        await rm(dbStaging, { recursive: true, force: true });
      }
    }
    progress('放置证据文件…');
    await swapInto(staging, evidenceDir);
    const differing = Object.entries(manifest.tables).filter(([t, n]) => counts[t] !== n);
    if (differing.length) {
      throw new Error(
        `恢复后行数与清单不符: ${differing.map(([t, n]) => `${t} ${counts[t] ?? '缺失'}≠${n}`).join(', ')}`,
      );
    }
    progress(
      `完成: ${Object.keys(counts).length} 张表的行数与清单一致, ${manifest.files.length} 个证据文件`,
    );
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(staging, { recursive: true, force: true });
  }
}
