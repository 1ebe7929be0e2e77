import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

// Files are kept by the SHA-256 of their content, `<dir>/ab/cd/<sha256>`: a path is only ever
// built from a digest, never from anything a user sent, and the same file is kept once. A file is
// written under a temporary name in the same directory tree, flushed, then renamed into place, so
// a reader never sees half a file and a crash leaves only a temporary file behind.

const digestPattern = /^[0-9a-f]{64}$/;

export const sha256Of = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export function blobPath(dir: string, sha256: string): string {
  if (!digestPattern.test(sha256)) throw new Error('not a SHA-256 digest');
  return join(dir, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
}

/** Keep `data` under its digest (once: an existing file is left as it is); answers the digest. */
export async function storeBlob(dir: string, data: Uint8Array): Promise<string> {
  const sha256 = sha256Of(data);
  const target = blobPath(dir, sha256);
  if (await exists(target)) return sha256;
  const tmpDir = join(dir, 'tmp');
  await mkdir(tmpDir, { recursive: true });
  await mkdir(dirname(target), { recursive: true });
  const tmp = join(tmpDir, randomUUID());
  const file = await open(tmp, 'wx', 0o640);
  try {
    await file.writeFile(data);
    await file.sync();
    await file.close();
    await rename(tmp, target);
  } catch (err) {
    await file.close().catch(() => {});
    await unlink(tmp).catch(() => {});
    throw err;
  }
  return sha256;
}

/** The stored file's size, or null when it is missing. */
export async function blobSize(dir: string, sha256: string): Promise<number | null> {
  return sizeAt(blobPath(dir, sha256));
}

async function exists(path: string) {
  return (await sizeAt(path)) !== null;
}

function sizeAt(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => s.size,
    () => null,
  );
}
