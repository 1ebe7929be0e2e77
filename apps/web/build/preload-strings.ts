import type { Plugin } from 'vite';

/**
 * A `modulepreload` link in index.html for the default language's strings, which the app imports
 * only once its entry runs: the browser fetches them beside the entry instead of one round trip
 * later (150 ms on a village's mobile network). An English reader fetches them unused (18 KiB).
 */
export function preloadStrings(source: RegExp): Plugin {
  return {
    name: 'pairing-preload-strings',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find(
          (c) => c.type === 'chunk' && source.test(c.facadeModuleId ?? ''),
        );
        if (!chunk) return [];
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
