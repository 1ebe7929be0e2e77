import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Text files worth compressing; images and fonts are compressed formats already. */
const compressible = /\.(js|mjs|css|html|json|webmanifest|svg|txt)$/;
/** Below this a file fits in a packet or two either way. */
const minBytes = 1024;

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file of the build, at the highest
 * settings (paid once here, not per request), for the server to send as they are.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'pairing-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
    },
    // After the service worker plugin has written sw.js, so it is compressed too.
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const writes: Promise<void>[] = [];
        for await (const path of files(outDir)) {
          if (!compressible.test(path)) continue;
          const body = await readFile(path);
          if (body.length < minBytes) continue;
          writes.push(
            brotli(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            }).then((out) => writeFile(`${path}.br`, out)),
            gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }).then((out) =>
              writeFile(`${path}.gz`, out),
            ),
          );
        }
        await Promise.all(writes);
      },
    },
  };
}
