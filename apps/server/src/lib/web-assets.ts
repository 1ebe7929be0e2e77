import { constants } from 'node:zlib';
import compress from '@fastify/compress';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

// The web app over a weak mobile network (issue 15): every byte counts on a village phone.

/** Answers smaller than this go out as they are: compressing them saves less than a packet. */
export const compressThreshold = 1024;

/**
 * API answers above the threshold compressed, brotli where the browser takes it. Quality 4 (not the
 * default 11) because each answer is compressed as it is sent: it keeps most of the saving at a
 * small fraction of the processor time. Streams that take over the response (SSE) are untouched.
 */
export async function compressAnswers(app: FastifyInstance) {
  await app.register(compress, {
    threshold: compressThreshold,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}

/** Hashed file names change with their content, so a browser may keep them for good. */
const immutable = 'public, max-age=31536000, immutable';
/** Everything else (index.html, the service worker, the manifest) is checked on every load. */
const revalidate = 'no-cache';

/** Vite's output names (`assets/<name>-<8-character hash>.<ext>`, `.br`/`.gz` beside). */
const isHashedAsset = (path: string) => /[/\\]assets[/\\][^/\\]+-[\w-]{8}\.[\w.]+$/.test(path);

/**
 * The built web app: the `.br` and `.gz` files written beside each asset at build time are sent to
 * browsers that accept them, and every path outside the API is the single-page app's index.html.
 */
export async function serveWebApp(app: FastifyInstance, root: string) {
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('cache-control', isHashedAsset(path) ? immutable : revalidate);
    },
  });
  app.get('/*', (request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: '接口不存在', fields: {} } });
    }
    // A chunk of an older build: the page in place of a script would be cached as that script.
    if (request.url.startsWith('/assets/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: '文件不存在', fields: {} } });
    }
    return reply.sendFile('index.html');
  });
}
