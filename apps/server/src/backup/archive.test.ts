import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { afterAll, describe, expect, it } from 'vitest';
import { describeFiles, safeRelativePath } from './evidence-files.ts';
import { backupFormatVersion, type Manifest } from './manifest.ts';
import { restoreBackup, RestoreRefused } from './restore.ts';
import type { BackupTarget } from './target.ts';

const work = mkdtempSync(join(tmpdir(), 'pairing-archive-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha = (data: string) => createHash('sha256').update(data).digest('hex');
const database = 'not really a dump';
const photo = '照片';

type Entry = { name: string; data?: string; type?: 'file' | 'symlink' | 'link'; linkname?: string };

function manifest(files: Manifest['files']): Manifest {
  return {
    format: backupFormatVersion,
    createdAt: new Date().toISOString(),
    database: {
      kind: 'pglite',
      serverVersion: 170004,
      bytes: database.length,
      sha256: sha(database),
    },
    tables: {},
    files,
  };
}

const photoEntry = (path: string) => ({
  path,
  bytes: Buffer.byteLength(photo),
  sha256: sha(photo),
});

let n = 0;
async function archive(entries: Entry[]) {
  const file = join(work, `a${(n += 1)}.tar`);
  const pack = tar.pack();
  const written = pipeline(pack, createWriteStream(file));
  for (const e of entries)
    pack.entry({ name: e.name, type: e.type, linkname: e.linkname }, e.data ?? '');
  pack.finalize();
  await written;
  return file;
}

const standard = (files: Manifest['files'], rest: Entry[]): Entry[] => [
  { name: 'manifest.json', data: JSON.stringify(manifest(files)) },
  { name: 'database', data: database },
  ...rest,
];

/** A fresh, empty target: the archives below must be refused before anything is written. */
function target(): BackupTarget {
  const dir = mkdtempSync(join(work, 't-'));
  return { database: { kind: 'pglite', dataDir: join(dir, 'db') }, evidenceDir: join(dir, 'ev') };
}

async function expectRefused(file: string, message: RegExp) {
  const t = target();
  const refusal = restoreBackup(t, file, { force: false }, () => {});
  await expect(refusal).rejects.toBeInstanceOf(RestoreRefused);
  await expect(refusal).rejects.toThrow(message);
  expect(await describeFiles(t.evidenceDir)).toEqual([]);
  expect(existsSync(t.database.kind === 'pglite' ? t.database.dataDir : '')).toBe(false);
}

describe('restore refuses a hostile or damaged archive', () => {
  it('refuses paths that leave the evidence directory', async () => {
    for (const name of ['evidence/../escaped', 'evidence//x', 'evidence/./x', '/etc/passwd', 'x']) {
      const path = name.replace(/^evidence\//, '');
      await expectRefused(
        await archive(standard([photoEntry(path)], [{ name, data: photo }])),
        /证据目录之外/,
      );
    }
    expect(existsSync(join(work, 'escaped'))).toBe(false);
  });

  it('refuses links', async () => {
    await expectRefused(
      await archive(
        standard([], [{ name: 'evidence/ab/link', type: 'symlink', linkname: '/etc/passwd' }]),
      ),
      /条目类型 symlink/,
    );
    await expectRefused(
      await archive(
        standard([], [{ name: 'evidence/ab/hard', type: 'link', linkname: 'database' }]),
      ),
      /条目类型 link/,
    );
  });

  it('refuses content that does not match the manifest', async () => {
    await expectRefused(
      await archive(
        standard([photoEntry('ab/cd/p')], [{ name: 'evidence/ab/cd/p', data: '改过' }]),
      ),
      /SHA-256 与清单不符: ab\/cd\/p/,
    );
    await expectRefused(await archive(standard([photoEntry('ab/cd/p')], [])), /缺少 1 个证据文件/);
    await expectRefused(
      await archive(standard([], [{ name: 'evidence/ab/cd/p', data: photo }])),
      /清单未列出/,
    );
    await expectRefused(
      await archive([
        { name: 'manifest.json', data: JSON.stringify(manifest([])) },
        { name: 'database', data: `${database}!` },
      ]),
      /数据库转储的 SHA-256/,
    );
  });

  it('refuses an archive without a valid manifest first', async () => {
    await expectRefused(
      await archive([
        { name: 'database', data: database },
        { name: 'manifest.json', data: '{}' },
      ]),
      /第一个条目不是清单/,
    );
    await expectRefused(
      await archive([
        { name: 'manifest.json', data: JSON.stringify({ ...manifest([]), format: 99 }) },
      ]),
      /清单无效/,
    );
    await expectRefused(await archive([]), /不是本平台的备份/);
  });
});

describe('safeRelativePath', () => {
  it('keeps plain relative paths only', () => {
    expect(safeRelativePath('ab/cd/ef')).toBe('ab/cd/ef');
    for (const bad of ['', '/a', 'a/../b', '..', 'a//b', 'a/', './a', 'a\\b', 'C:/x', 'a\0b'])
      expect(safeRelativePath(bad)).toBeNull();
  });
});
