import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Two cores: DuckDB already uses both per process, so run test files two at a time.
    maxWorkers: 2,
    env: { TZ: 'Asia/Shanghai' },
    // One temporary folder per run, removed at the end (XIAOWEI_KEEP_TEST_TMP=1 keeps it for debugging).
    globalSetup: ['test/tmpdirSetup.ts'],
  },
});
