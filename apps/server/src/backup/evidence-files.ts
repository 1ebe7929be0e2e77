import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ManifestFile } from './manifest.ts';

/** Uploads in progress sit here (ledger/evidence/store.ts); they are not evidence yet. */
const inProgressDir = 'tmp';

/** The regular files below `dir` (relative, with `/`), never following a symlink; none if absent. */
export async function listFiles(dir: string, below = ''): Promise<string[]> {
  let names: string[];
  try {
    names = (await readdir(join(dir, below))).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const files: string[] = [];
  for (const name of names) {
    const rel = below ? posix.join(below, name) : name;
    if (!below && name === inProgressDir) continue;
    const info = await lstat(join(dir, rel));
    if (info.isDirectory()) files.push(...(await listFiles(dir, rel)));
    else if (info.isFile()) files.push(rel);
  }
  return files;
}

export async function hashFile(path: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  await pipeline(createReadStream(path), async function* (chunks) {
    for await (const chunk of chunks as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    yield* [];
  });
  return { sha256: hash.digest('hex'), bytes };
}

export async function describeFiles(dir: string): Promise<ManifestFile[]> {
  const files: ManifestFile[] = [];
  for (const path of await listFiles(dir))
    files.push({ path, ...(await hashFile(join(dir, path))) });
  return files;
}

/**
 * A path from an archive, below the evidence directory: relative, with `/` only, and none of its
 * parts empty, `.` or `..`; null otherwise, so nothing is written outside the directory.
 */
export function safeRelativePath(name: string): string | null {
  if (!name || name.startsWith('/') || /[\\\0]/.test(name) || /^[A-Za-z]:/.test(name)) return null;
  const parts = name.split('/');
  if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
  return name;
}
