import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

/**
 * Test files share their worker's modules (`isolate: false`: the core is imported once per worker, not once per
 * file — a third of `npm test`'s time), except those of test/support/isolated-tests.json, which replace modules or
 * globals (vi.mock, vi.spyOn, vi.stubEnv, fake timers) or set process.env: each runs in a fresh process.
 * test/architecture/test-isolation.test.ts fails when such a file is not listed.
 */
const ISOLATED_TESTS = JSON.parse(
  readFileSync(new URL('./test/support/isolated-tests.json', import.meta.url), 'utf8'),
) as string[];
const include = ['test/**/*.test.ts', 'test/**/*.test.tsx'];

export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
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
