import { defineConfig } from 'vitest/config';

// Engine tests open real SQLite / Kùzu / LanceDB files and fork real worker processes,
// so test files run in child processes (not worker threads) and get generous timeouts.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'node_modules/**'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    maxWorkers: 2,
  },
});
