import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The server logs every request by default; tests stay quiet unless asked.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  },
});
