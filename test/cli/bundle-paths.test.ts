/**
 * The CLI bundle (build/scripts/bundle-cli.js) keeps each module's own __dirname and __filename: every module of
 * dist/ that uses them finds, from the bundle, the folder and file it has in dist/ (its data files such as
 * atr-table.json and lotl-signers.json, the thread entries verify-pool-worker.js and visual-thread.js, the
 * package.json above it). The behaviour behind each is tested through the bin by the CLI tests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_BUNDLE } from '../support/cli';

const ROOT = join(__dirname, '..', '..');
const CLI_DIR = join(ROOT, 'dist', 'electron', 'cli');

describe('CLI bundle: module paths', () => {
  const text = readFileSync(CLI_BUNDLE, 'latin1');
  const modules = [...text.matchAll(/__sigilloEvaluated\.push\("(dist\/[^"]+)"\);/g)].map((m) => ({
    name: m[1]!,
    after: text.slice(m.index + m[0].length, m.index + m[0].length + 300),
  }));

  it('bundles the program and what it loads, packages included', () => {
    expect(modules.length).toBeGreaterThan(200);
    expect(modules.map((m) => m.name)).toContain('dist/electron/cli/main.js');
    expect(text).toContain('__sigilloEvaluated.push("node_modules/pkijs/');
    // native addons stay outside, loaded from node_modules at run time
    expect(text).not.toMatch(
      /__sigilloEvaluated\.push\("node_modules\/(pkcs11js|pcsclite|@napi-rs\/canvas)\//,
    );
  });

  it('each module that uses __dirname or __filename gets its own, pointing at its place in dist/', () => {
    const users = modules.filter((m) =>
      /\b__(dirname|filename)\b/.test(readFileSync(join(ROOT, m.name), 'utf8')),
    );
    expect(users.map((m) => m.name)).toEqual(
      expect.arrayContaining([
        'dist/electron/core/card/atr-table.js',
        'dist/electron/core/tsl/lotl-signers.js',
        'dist/electron/core/version.js',
        'dist/electron/core/validate/verify-pool.js',
        'dist/electron/core/pdf/visual/visual-diff.js',
      ]),
    );
    for (const m of users) {
      const dir = /^var __dirname=__sigilloPath\("([^"]*)"\);var __filename=__sigilloPath\("([^"]*)"\);/.exec(
        m.after,
      );
      expect(dir, m.name).not.toBeNull();
      expect(resolve(CLI_DIR, dir![1]!)).toBe(resolve(ROOT, m.name, '..'));
      expect(resolve(CLI_DIR, dir![2]!)).toBe(resolve(ROOT, m.name));
      expect(existsSync(resolve(CLI_DIR, dir![2]!))).toBe(true);
    }
    // and the files they look for are there
    for (const f of [
      'core/card/atr-table.json',
      'core/tsl/lotl-signers.json',
      'core/validate/verify-pool-worker.js',
    ]) {
      expect(existsSync(join(CLI_DIR, '..', f)), f).toBe(true);
    }
    expect(existsSync(join(CLI_DIR, '..', 'core/pdf/visual/visual-thread.js'))).toBe(true);
  });

  it('the per-module lines go after the directive prologue, so "use strict" stays in force', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { afterPrologue } = require('../../build/scripts/bundle-cli.js') as {
      afterPrologue(s: string): number;
    };
    const cut = (s: string) => s.slice(0, afterPrologue(s));
    expect(cut('"use strict";\nvar a')).toBe('"use strict";');
    expect(cut("#!/usr/bin/env node\n/* c */\n'use strict'\nx")).toBe(
      "#!/usr/bin/env node\n/* c */\n'use strict'",
    );
    expect(cut('// x\n"use strict"; "other";\nz')).toBe('// x\n"use strict"; "other";');
    expect(cut('"it\'s";x')).toBe('"it\'s";');
    expect(cut('var a = 1')).toBe('');
    expect(cut('"abc".length')).toBe('');
  });
});
