import { describe, expect, it } from 'vitest';
import { crossPageImports, filesOf, pageSizes, type Manifest } from './size-budget.ts';

// A build as Vite's manifest describes it: the entry with a vendor chunk, the strings, the
// signed-in layout, a page drawing a chart (loaded lazily) and a page without one.
const manifest: Manifest = {
  'index.html': {
    file: 'assets/index-aaaaaaaa.js',
    isEntry: true,
    imports: ['_vendor-bbbbbbbb.js'],
    dynamicImports: [
      'src/i18n/zh-CN.ts',
      'src/i18n/en.ts',
      'src/layout/AppLayout.tsx',
      'src/pages/home/HomePage.tsx',
      'src/pages/users/UsersPage.tsx',
    ],
    css: ['assets/index-cccccccc.css'],
  },
  '_vendor-bbbbbbbb.js': { file: 'assets/vendor-bbbbbbbb.js' },
  'src/i18n/zh-CN.ts': { file: 'assets/zh-CN-dddddddd.js', isDynamicEntry: true },
  'src/i18n/en.ts': { file: 'assets/en-eeeeeeee.js', isDynamicEntry: true },
  'src/layout/AppLayout.tsx': {
    file: 'assets/AppLayout-ffffffff.js',
    isDynamicEntry: true,
    imports: ['_vendor-bbbbbbbb.js', '_table-gggggggg.js'],
    dynamicImports: ['src/pages/home/HomePage.tsx'],
  },
  '_table-gggggggg.js': { file: 'assets/table-gggggggg.js' },
  'src/pages/home/HomePage.tsx': {
    file: 'assets/HomePage-hhhhhhhh.js',
    isDynamicEntry: true,
    imports: ['_vendor-bbbbbbbb.js'],
    dynamicImports: ['src/components/EChartCanvas.tsx'],
  },
  'src/components/EChartCanvas.tsx': {
    file: 'assets/EChartCanvas-iiiiiiii.js',
    isDynamicEntry: true,
  },
  'src/pages/users/UsersPage.tsx': {
    file: 'assets/UsersPage-jjjjjjjj.js',
    isDynamicEntry: true,
    imports: ['_table-gggggggg.js'],
    css: ['assets/UsersPage-kkkkkkkk.css'],
  },
};

const kib = 1024;
const sizes: Record<string, number> = {
  'assets/index-aaaaaaaa.js': 50 * kib,
  'assets/index-cccccccc.css': 2 * kib,
  'assets/vendor-bbbbbbbb.js': 150 * kib,
  'assets/zh-CN-dddddddd.js': 20 * kib,
  'assets/en-eeeeeeee.js': 20 * kib,
  'assets/AppLayout-ffffffff.js': 10 * kib,
  'assets/table-gggggggg.js': 40 * kib,
  'assets/HomePage-hhhhhhhh.js': 5 * kib,
  'assets/EChartCanvas-iiiiiiii.js': 140 * kib,
  'assets/UsersPage-jjjjjjjj.js': 8 * kib,
  'assets/UsersPage-kkkkkkkk.css': 1 * kib,
};
const wire = (file: string) => sizes[file] ?? 0;
const page = (name: string) => pageSizes(manifest, wire).find((p) => p.page === name)!;

describe('filesOf', () => {
  it('follows static imports and CSS, and lazy imports only when asked', () => {
    expect([...filesOf(manifest, 'index.html', true)].sort()).toEqual([
      'assets/index-aaaaaaaa.js',
      'assets/index-cccccccc.css',
      'assets/vendor-bbbbbbbb.js',
    ]);
    expect(filesOf(manifest, 'src/pages/home/HomePage.tsx', false)).toContain(
      'assets/EChartCanvas-iiiiiiii.js',
    );
    expect(filesOf(manifest, 'src/pages/home/HomePage.tsx', true)).not.toContain(
      'assets/EChartCanvas-iiiiiiii.js',
    );
  });

  it('does not follow a lazy import of another page, and survives an unknown key', () => {
    expect(filesOf(manifest, 'src/layout/AppLayout.tsx', false)).not.toContain(
      'assets/HomePage-hhhhhhhh.js',
    );
    expect(filesOf(manifest, 'src/missing.ts', false).size).toBe(0);
  });
});

describe('pageSizes', () => {
  it('counts the login page as the entry, its imports and the Chinese strings, not English', () => {
    const login = page('login');
    expect(login.kib).toBe(50 + 2 + 150 + 20);
    expect(login.files.map(([file]) => file)).not.toContain('assets/en-eeeeeeee.js');
    expect(login.files[0]).toEqual(['assets/vendor-bbbbbbbb.js', 150 * kib]);
    expect(login.limit).toBe(250);
  });

  it('counts what a page adds to the login page: the layout, its chunks and its chart', () => {
    expect(page('home/HomePage.tsx').kib).toBe(10 + 40 + 5 + 140);
    // The table chunk the layout shares with the page is counted once.
    expect(page('users/UsersPage.tsx').kib).toBe(10 + 40 + 8 + 1);
    expect(page('users/UsersPage.tsx').limit).toBe(400);
  });

  it('refuses a manifest without an entry', () => {
    const { 'index.html': _entry, ...rest } = manifest;
    expect(() => pageSizes(rest, wire)).toThrow(/no entry/);
  });
});

describe('crossPageImports', () => {
  it('finds none when each page has its own chunk', () => {
    expect(crossPageImports(manifest)).toEqual([]);
  });

  it('names a page that statically imports another page', () => {
    const users = manifest['src/pages/users/UsersPage.tsx']!;
    const merged: Manifest = {
      ...manifest,
      'src/pages/users/UsersPage.tsx': { ...users, imports: ['src/pages/home/HomePage.tsx'] },
    };
    expect(crossPageImports(merged)).toEqual([
      ['src/pages/users/UsersPage.tsx', 'src/pages/home/HomePage.tsx'],
    ]);
  });
});
