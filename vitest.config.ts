import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{shared,server,renderer,electron,test,bench,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules', 'dist', 'test/e2e/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
