import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser journeys against the real server; one file at a time, since each drives a Chromium.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    include: ['journeys/**/*.e2e.ts'],
    globalSetup: ['./global-setup.ts'],
    setupFiles: ['./failure-report.ts'],
    // The failure report runs before useBrowser closes the browser it reports on.
    sequence: { hooks: 'list' },
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // The server's first start imports Shanghai and seeds the demo city.
    teardownTimeout: 30_000,
  },
});
