import { defineProject } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The web app's unit tests: hooks, shared components and each page's loading, empty and error
// states, in jsdom with `fetch` stubbed by URL (src/test/render.tsx).
export default defineProject({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'build/**/*.test.ts'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 15_000,
    // One jsdom per worker instead of one per file: the files do not share state that matters
    // (each test stubs its own fetch and unmounts), and antd loads once.
    isolate: false,
    pool: 'threads',
  },
});
