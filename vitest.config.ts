import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,renderer,electron,test,bench,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'dist', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker less than the cores: one on a 2-core machine, and the suite then ran file after file.
    // Most files wait on a database, a server process or a child's output rather than compute, so three share two cores well.
    maxWorkers: 3,
  },
});
