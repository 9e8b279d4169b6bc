import { defineConfig } from 'vitest/config';
import { ISOLATED_TESTS } from './test/support/isolated-tests';

const include = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        // the core imported once per worker, not once per file (test/support/isolated-tests.ts)
        extends: true,
        test: {
          name: 'shared',
          include,
          exclude: ISOLATED_TESTS,
          isolate: false,
          setupFiles: ['test/support/between-files.ts'],
        },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED_TESTS, isolate: true } },
    ],
  },
});
