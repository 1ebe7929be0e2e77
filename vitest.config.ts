import { defineConfig } from 'vitest/config';

// One run covers the pure packages and the server; browser journeys (e2e/) have their own config.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server'],
  },
});
