import { defineConfig } from 'vitest/config';

// One run covers the pure packages, the server and the web app's unit tests; browser journeys (e2e/) have their own config.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/web'],
  },
});
