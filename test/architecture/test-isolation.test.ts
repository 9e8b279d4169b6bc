/**
 * Test files share their worker's modules (vitest.config.mts) unless listed in test/support/isolated-tests.json:
 * a file that replaces modules or globals, or sets process.env, must be listed — left shared, it would change the
 * files that run after it in the same process.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');
const ISOLATED_TESTS = JSON.parse(
  readFileSync(join(root, 'test', 'support', 'isolated-tests.json'), 'utf8'),
) as string[];
const REPLACES =
  /\bvi\.(mock|doMock|spyOn|stubEnv|stubGlobal|useFakeTimers)\(|process\.env(\.\w+|\[[^\]]+\])\s*=[^=]|delete process\.env/;

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return /\.test\.tsx?$/.test(e.name) ? [relative(root, p).split('\\').join('/')] : [];
  });
}

describe('test isolation', () => {
  const files = testFiles(join(root, 'test'));

  it('every file that replaces modules or globals, or sets process.env, runs isolated', () => {
    const replacing = files.filter((f) => REPLACES.test(readFileSync(join(root, f), 'utf8')));
    expect(replacing.length).toBeGreaterThan(0);
    expect(replacing.filter((f) => !ISOLATED_TESTS.includes(f))).toEqual([]);
  });

  it('every listed file exists (a renamed file would silently run shared)', () => {
    expect(ISOLATED_TESTS.filter((f) => !files.includes(f))).toEqual([]);
  });
});
