import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressAnswers, compressThreshold, serveWebApp } from './web-assets.ts';

const script = 'console.log("村级台账");\n'.repeat(200);
const page = '<!doctype html><title>城乡结对帮扶平台</title>';

let root: string;
let app: FastifyInstance;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'web-assets-'));
  mkdirSync(join(root, 'assets'));
  const asset = join(root, 'assets/app-Ab3_x-9Z.js');
  writeFileSync(asset, script);
  writeFileSync(`${asset}.br`, brotliCompressSync(script));
  writeFileSync(`${asset}.gz`, gzipSync(script));
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, 'sw.js'), 'self.skipWaiting();');
  app = Fastify();
  await compressAnswers(app);
  app.get('/api/big', async () => ({ rows: Array.from({ length: 200 }, (_, i) => ({ i })) }));
  app.get('/api/small', async () => ({ ok: true }));
  await serveWebApp(app, root);
});

afterAll(async () => {
  await app.close();
  rmSync(root, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({
    method: 'GET',
    url,
    headers: encoding ? { 'accept-encoding': encoding } : {},
  });

describe('hashed assets', () => {
  it('sends the brotli file built beside the asset to a browser that takes brotli', async () => {
    const res = await get('/assets/app-Ab3_x-9Z.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('sends gzip to a browser without brotli, and the file itself to one without either', async () => {
    const gz = await get('/assets/app-Ab3_x-9Z.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await get('/assets/app-Ab3_x-9Z.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('may be kept for a year without asking again', async () => {
    for (const encoding of ['br', 'gzip', undefined]) {
      const res = await get('/assets/app-Ab3_x-9Z.js', encoding);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('answers 404 for a chunk that is not there, not the page in its place', async () => {
    const res = await get('/assets/gone-12345678.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });
});

describe('the page and the service worker', () => {
  it('revalidates index.html on every load, at / and at any app path', async () => {
    for (const url of ['/', '/index.html', '/agreements/12']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
    }
  });

  it('revalidates the service worker, whose name has no hash', async () => {
    const res = await get('/sw.js');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('keeps unknown API paths a JSON 404', async () => {
    const res = await get('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('API answers', () => {
  it('compresses JSON above the threshold with the encoding the browser prefers', async () => {
    const plain = await get('/api/big');
    expect(plain.rawPayload.length).toBeGreaterThan(compressThreshold);
    const br = await get('/api/big', 'gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const gz = await get('/api/big', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
  });

  it('leaves small answers and browsers that take no encoding alone', async () => {
    const small = await get('/api/small', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.json()).toEqual({ ok: true });
    const identity = await get('/api/big', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
  });
});
