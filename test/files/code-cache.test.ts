/**
 * The V8 code cache of the CLI (electron/core/files/code-cache.ts, built code in dist/, run in child processes
 * so that the compile hook is installed in a fresh Node): a second run compiles from the entries the first one
 * wrote and gives the same results; a changed module never meets its old entry; damaged, cut or foreign entries
 * are ignored and written again; modules using import() and modules starting with #! still work; require.resolve
 * and require.cache inside a cached module are Node's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import {
  codeCacheDir,
  entryName,
  pruneEntries,
  readEntry,
  writeEntry,
} from '../../electron/core/files/code-cache';

const fx = inject('fixture');
const CODE_CACHE = join(__dirname, '..', '..', 'dist', 'electron', 'core', 'files', 'code-cache.js');

interface Run {
  out: string;
  stats: { cached: number; compiled: number; skipped: number };
}

/** runs `main.js` of `app` in a new Node with the code cache of `cache` installed first */
function run(app: string, cache: string): Run {
  const script =
    `const c = require(${JSON.stringify(CODE_CACHE)}); c.installCodeCache({ dir: ${JSON.stringify(cache)} });` +
    `require(${JSON.stringify(join(app, 'main.js'))}).then((out) => {` +
    ` process.stdout.write(JSON.stringify({ out, stats: c.codeCacheStats })); });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Run;
}

function makeApp(version: string): string {
  const app = mkdtempSync(join(fx.root, 'ccache-app-'));
  writeFileSync(
    join(app, 'lib.js'),
    `exports.answer = (x) => 'v${version}:' + x.map((n) => n * 2).join(',');\n`,
  );
  writeFileSync(join(app, 'shebang.js'), `#!/usr/bin/env node\nexports.ok = 'shebang ok';\n`);
  writeFileSync(join(app, 'lazy.js'), `exports.load = async () => (await import('./late.js')).default;\n`);
  writeFileSync(join(app, 'late.js'), `module.exports = { late: 'late ok' };\n`);
  writeFileSync(
    join(app, 'main.js'),
    [
      `const { answer } = require('./lib');`,
      `const { ok } = require('./shebang');`,
      `const where = require.resolve('./lib') === __dirname + '/lib.js' && require.cache[__filename] === module;`,
      `module.exports = require('./lazy').load().then((l) => [answer([1, 2, 3]), ok, l.late, where].join(' '));`,
      '',
    ].join('\n'),
  );
  return app;
}

describe('code cache', () => {
  it('a second run compiles from the entries of the first and gives the same results', () => {
    const app = makeApp('1');
    const cache = mkdtempSync(join(fx.root, 'ccache-'));
    const first = run(app, cache);
    expect(first.out).toBe('v1:2,4,6 shebang ok late ok true');
    expect(first.stats).toEqual({ cached: 0, compiled: 4, skipped: 1 }); // lazy.js uses import()
    expect(readdirSync(cache)).toHaveLength(4);
    const second = run(app, cache);
    expect(second.out).toBe(first.out);
    expect(second.stats).toEqual({ cached: 4, compiled: 0, skipped: 1 });
  });

  it('a changed module is compiled from its new source, never from the old entry', () => {
    const app = makeApp('1');
    const cache = mkdtempSync(join(fx.root, 'ccache-'));
    run(app, cache);
    writeFileSync(join(app, 'lib.js'), `exports.answer = (x) => 'v2:' + x.map((n) => n * 3).join(',');\n`);
    const r = run(app, cache);
    expect(r.out).toBe('v2:3,6,9 shebang ok late ok true');
    expect(r.stats).toEqual({ cached: 3, compiled: 1, skipped: 1 });
  });

  it('damaged, cut and foreign entries are ignored, the modules compiled and the entries written again', () => {
    const app = makeApp('1');
    const cache = mkdtempSync(join(fx.root, 'ccache-'));
    run(app, cache);
    const names = readdirSync(cache).sort();
    const [a, b, c, d] = names.map((n) => join(cache, n)) as [string, string, string, string];
    const flipped = readFileSync(a);
    flipped[flipped.length - 10] = (flipped[flipped.length - 10] as number) ^ 0x55; // payload changed
    writeFileSync(a, flipped);
    writeFileSync(b, readFileSync(b).subarray(0, 20)); // cut inside the checksum
    // another module's bytes under a valid checksum: V8 refuses them (source mismatch)
    writeFileSync(c, readFileSync(d));
    const r = run(app, cache);
    expect(r.out).toBe('v1:2,4,6 shebang ok late ok true');
    expect(r.stats.compiled).toBeGreaterThanOrEqual(2);
    expect(r.stats.cached + r.stats.compiled).toBe(4);
    // written again: a third run uses all four
    expect(run(app, cache).stats).toEqual({ cached: 4, compiled: 0, skipped: 1 });
  });

  it('entries: named by path and source, checked by their own SHA-256; the folder kept bounded', () => {
    expect(entryName('/a/x.js', 'exports.a = 1')).not.toBe(entryName('/b/x.js', 'exports.a = 1'));
    expect(entryName('/a/x.js', 'exports.a = 1')).not.toBe(entryName('/a/x.js', 'exports.a = 2'));
    const dir = mkdtempSync(join(fx.root, 'ccache-entries-'));
    const p = join(dir, 'e');
    writeEntry(p, Buffer.from('some bytes'));
    expect(readEntry(p)?.toString()).toBe('some bytes');
    const raw = readFileSync(p);
    raw[raw.length - 1] = (raw[raw.length - 1] as number) ^ 1;
    writeFileSync(p, raw);
    expect(readEntry(p)).toBeUndefined();
    expect(readEntry(join(dir, 'absent'))).toBeUndefined();
    expect(readdirSync(dir)).toEqual(['e']); // no temporary file left
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 12; i++) {
      writeFileSync(join(many, `n${i}`), 'x');
      utimesSync(join(many, `n${i}`), 1000 + i, 1000 + i);
    }
    pruneEntries(many, 10);
    expect(readdirSync(many).sort()).toEqual(['n10', 'n11', 'n7', 'n8', 'n9']); // the newest half kept
  });

  it('lives in the user cache folder, or under SIGILLO_DATA_DIR when set', () => {
    expect(codeCacheDir({}, 'linux', '/home/u')).toBe('/home/u/.cache/Sigillo/code-cache');
    expect(codeCacheDir({ XDG_CACHE_HOME: '/c' }, 'linux', '/home/u')).toBe('/c/Sigillo/code-cache');
    expect(codeCacheDir({ XDG_CACHE_HOME: 'rel' }, 'linux', '/home/u')).toBe(
      '/home/u/.cache/Sigillo/code-cache',
    );
    expect(codeCacheDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Caches/Sigillo/code-cache');
    expect(codeCacheDir({ LOCALAPPDATA: 'C:\\L' }, 'win32', 'C:\\u')).toBe(
      'C:\\L\\Sigillo\\Cache\\code-cache',
    );
    expect(codeCacheDir({ SIGILLO_DATA_DIR: '/d' }, 'linux', '/home/u')).toBe(join('/d', 'code-cache'));
  });
});
