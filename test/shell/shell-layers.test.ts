/**
 * Only the Electron glue (electron/shell/main.ts, preload.ts, app/) may import electron: handlers, IPC dispatch,
 * settings, the worker and the harness are plain Node and run in tests and in the browser harness.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? tsFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

const ELECTRON_IMPORT = /from\s+['"]electron(?:\/[^'"]*)?['"]|require\(['"]electron['"]\)/;
const ELECTRON_ALLOWED = /^electron\/shell\/(main\.ts|preload\.ts|app\/)/;

describe('shell layering', () => {
  it('electron is imported only by the Electron glue', () => {
    const files = ['electron/shell', 'electron/worker', 'electron/harness'].flatMap((d) =>
      tsFiles(join(ROOT, d)),
    );
    expect(files.length).toBeGreaterThan(10);
    const offenders = files
      .map((f) => relative(ROOT, f))
      .filter((f) => !ELECTRON_ALLOWED.test(f) && ELECTRON_IMPORT.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
    // and the glue really does import it (the check is not vacuous)
    expect(ELECTRON_IMPORT.test(readFileSync(join(ROOT, 'electron/shell/main.ts'), 'utf8'))).toBe(true);
  });

  it('the app never loads the harness', () => {
    for (const f of tsFiles(join(ROOT, 'electron/shell'))) {
      expect(readFileSync(f, 'utf8'), relative(ROOT, f)).not.toMatch(/from ['"][./]*\/harness\//);
    }
  });
});
