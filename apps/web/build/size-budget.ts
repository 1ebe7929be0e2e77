// The web app's size budget on the wire (issue 15), over the build manifest: the login page's
// JavaScript and CSS at most 250 KiB, any other page's at most 400 KiB, each counted as the
// browser receives it (the brotli file the server sends). Exits non-zero naming the page and its
// largest chunks when one is over. Run after `vite build`: `tsx apps/web/build/size-budget.ts`.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
};
export type Manifest = Record<string, ManifestChunk>;

export const budgets = { loginKib: 250, pageKib: 400 };

/** Source paths whose chunk is a page of its own (a route's lazy import) or a language. */
const isPage = (src: string) => /^src\/pages\/.+Page\.tsx$/.test(src);
const dictionary = 'src/i18n/zh-CN.ts';
const layout = 'src/layout/AppLayout.tsx';

/**
 * The files a page loads: the chunk of `key` with its static imports and their CSS, and, unless
 * `staticOnly`, what it imports lazily that is not a page (a chart), and so on down.
 */
export function filesOf(manifest: Manifest, key: string, staticOnly: boolean): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (k: string) => {
    const chunk = manifest[k];
    if (!chunk || seen.has(k)) return;
    seen.add(k);
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
    if (!staticOnly) chunk.dynamicImports?.filter((d) => !isPage(d)).forEach(visit);
  };
  visit(key);
  return files;
}

/** Pairs of a page and another page whose chunk it loads with its own: a split gone wrong. */
export function crossPageImports(manifest: Manifest): [string, string][] {
  const pages = Object.keys(manifest).filter(isPage);
  const pairs: [string, string][] = [];
  for (const page of pages) {
    const files = filesOf(manifest, page, false);
    for (const other of pages) {
      if (other !== page && files.has(manifest[other]!.file)) pairs.push([page, other]);
    }
  }
  return pairs;
}

export type PageSize = { page: string; kib: number; limit: number; files: [string, number][] };

/**
 * Each page's files and bytes on the wire: the login page (the entry and the Chinese strings),
 * then what every lazy page adds to it, the signed-in layout included (a public page needs less).
 */
export function pageSizes(manifest: Manifest, wireBytes: (file: string) => number): PageSize[] {
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entry) throw new Error('the build manifest has no entry');
  const shell = new Set([
    ...filesOf(manifest, entry, true),
    ...filesOf(manifest, dictionary, true),
  ]);
  const size = (page: string, files: Set<string>, limit: number): PageSize => {
    const sized = [...files]
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f): [string, number] => [f, wireBytes(f)]);
    sized.sort((a, b) => b[1] - a[1]);
    const bytes = sized.reduce((sum, [, n]) => sum + n, 0);
    return { page, kib: bytes / 1024, limit, files: sized };
  };
  const pages = [size('login', shell, budgets.loginKib)];
  for (const key of Object.keys(manifest).filter(isPage)) {
    if (!manifest[key]!.isDynamicEntry) continue;
    const files = new Set(
      [...filesOf(manifest, layout, false), ...filesOf(manifest, key, false)].filter(
        (file) => !shell.has(file),
      ),
    );
    pages.push(size(key.replace(/^src\/pages\//, ''), files, budgets.pageKib));
  }
  return pages;
}

function main() {
  const dist = fileURLToPath(new URL('../dist', import.meta.url));
  const manifestPath = join(dist, '.vite/manifest.json');
  if (!existsSync(manifestPath)) throw new Error('no build manifest: run the web build first');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  // What the server sends: the brotli file where the build wrote one, else the file itself.
  const wireBytes = (file: string) => {
    const path = join(dist, file);
    return statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
  };
  const pages = pageSizes(manifest, wireBytes);
  const over = pages.filter((p) => p.kib > p.limit);
  const largest = pages.reduce((a, b) => (b.page !== 'login' && b.kib > a.kib ? b : a));
  const login = pages.find((p) => p.page === 'login')!;
  const line = (p: PageSize) => `${p.page}: ${p.kib.toFixed(1)} KiB of ${p.limit} KiB`;
  console.log(`size budget, JS+CSS on the wire (brotli), ${pages.length} pages`);
  console.log(`  ${line(login)}`);
  console.log(`  largest page ${line(largest)}`);
  for (const page of over) {
    console.error(`over budget: ${line(page)}; its largest chunks:`);
    for (const [file, bytes] of page.files.slice(0, 5)) {
      console.error(`  ${file} ${(bytes / 1024).toFixed(1)} KiB`);
    }
  }
  const crossed = crossPageImports(manifest);
  for (const [page, other] of crossed) console.error(`${page} loads the code of ${other}`);
  if (over.length || crossed.length) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
