import type { Plugin } from 'vite';

type ManifestEntry = { url: string; size: number; revision: string | null };

/**
 * What the service worker precaches (issue 15): the shell, meaning the entry with everything it
 * imports, plus the chunks of the modules named in `pages` (the pages that must open without a
 * network) and theirs. Every other page's code is cached the first time it is used, so a first
 * visit does not download every page.
 */
export function shellChunks(pages: RegExp[]) {
  const kept = new Set<string>();
  const plugin: Plugin = {
    name: 'pairing-shell-chunks',
    apply: 'build',
    generateBundle(_options, bundle) {
      kept.clear();
      const isPage = (fileName: string) => {
        const chunk = bundle[fileName];
        return chunk?.type === 'chunk' && /\/pages\/.+Page\.tsx$/.test(chunk.facadeModuleId ?? '');
      };
      // Static imports always; lazy ones (a page's tabs, the layout's outbox status) from the
      // chosen modules on down, but never another page, and nothing lazy from the entry.
      const visit = (fileName: string, lazyToo: boolean) => {
        const chunk = bundle[fileName];
        if (!chunk || kept.has(fileName)) return;
        kept.add(fileName);
        if (chunk.type !== 'chunk') return;
        chunk.imports.forEach((file) => visit(file, lazyToo));
        chunk.viteMetadata?.importedCss.forEach((file) => visit(file, false));
        if (lazyToo) {
          chunk.dynamicImports.filter((file) => !isPage(file)).forEach((file) => visit(file, true));
        }
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const id = chunk.facadeModuleId ?? '';
        if (chunk.isEntry) visit(chunk.fileName, false);
        else if (pages.some((page) => page.test(id))) visit(chunk.fileName, true);
      }
    },
  };
  /** For workbox's `manifestTransforms`: files outside the bundle (index.html) always stay. */
  const transform = (entries: ManifestEntry[]) => ({
    manifest: entries.filter((entry) => !entry.url.startsWith('assets/') || kept.has(entry.url)),
    warnings: [],
  });
  return { plugin, transform };
}
