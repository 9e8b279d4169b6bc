/**
 * The code cache of the CLI bundle (electron/cli/code-cache.ts, bundle-loader.ts): a cache is handed to V8 only
 * when its header matches the exact bundle bytes, this V8 and its own bytes; otherwise the bundle is compiled
 * as usual, and V8's own refusal is seen too.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBundle } from '../../electron/cli/bundle-loader';
import { checkCodeCache, encodeCodeCache } from '../../electron/cli/code-cache';

const DIST_CLI = join(__dirname, '..', '..', 'dist', 'electron', 'cli');

/** a small bundle (a wrapped CommonJS module, as the build writes it) with functions compiled only when called */
const SOURCE = `(function (exports, require, module, __filename, __dirname) { "use strict";
function inner(n) { let s = 0; for (let i = 0; i < n; i++) s += i * 3; return s; }
module.exports.compute = (n) => inner(n) + (typeof require === 'function' ? 1 : 0);
module.exports.where = () => [__filename, __dirname, module.filename, this === module.exports];
})`;

describe('code cache header', () => {
  const bundle = Buffer.from(SOURCE);
  const data = randomBytes(4096);
  const file = encodeCodeCache(bundle, data);

  it('accepts its own bundle and data', () => {
    const v = checkCodeCache(bundle, file);
    expect('data' in v && v.data.equals(data)).toBe(true);
  });
  it('refuses another bundle of the same length (one byte changed): stale', () => {
    const other = Buffer.from(bundle);
    other[other.length - 3] = other[other.length - 3]! ^ 1;
    expect(checkCodeCache(other, file)).toEqual({ reason: 'stale' });
  });
  it('refuses random bytes, a cut file, a changed data byte, no file', () => {
    expect(checkCodeCache(bundle, randomBytes(file.length))).toEqual({ reason: 'corrupt' });
    expect(checkCodeCache(bundle, file.subarray(0, file.length - 100))).toEqual({ reason: 'corrupt' });
    expect(checkCodeCache(bundle, file.subarray(0, 40))).toEqual({ reason: 'corrupt' });
    const flipped = Buffer.from(file);
    flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 0x80;
    expect(checkCodeCache(bundle, flipped)).toEqual({ reason: 'corrupt' });
    expect(checkCodeCache(bundle, Buffer.alloc(0))).toEqual({ reason: 'corrupt' });
    expect(checkCodeCache(bundle, undefined)).toEqual({ reason: 'missing' });
  });
  it('refuses a cache made by another V8 or for another CPU', () => {
    const nl = file.indexOf(0x0a);
    const header = JSON.parse(file.toString('latin1', 0, nl)) as Record<string, unknown>;
    for (const change of [{ v8: '1.2.3' }, { arch: 'mips' }]) {
      const line = Buffer.from(JSON.stringify({ ...header, ...change }) + '\n');
      expect(checkCodeCache(bundle, Buffer.concat([line, file.subarray(nl + 1)]))).toEqual({
        reason: 'other-v8',
      });
    }
  });
  it('refuses a header that is not ours or not complete', () => {
    for (const h of ['{}', 'null', '[1]', '{"magic":"sigillo-code-cache/1"}', 'x'.repeat(600)]) {
      expect(checkCodeCache(bundle, Buffer.from(h + '\n' + 'data'))).toEqual({ reason: 'corrupt' });
    }
  });
});

/**
 * Loads a bundle with the built loader in a new process (V8 looks in its in-process compilation cache before the
 * given data, so only a fresh process shows what the data did): how it was compiled and what it computed; with
 * `train`, the process also writes the cache of what it compiled, as the build does.
 */
function loadInChild(file: string, cache: string, train = false): { cache: string; result: number } {
  const code = `
    const { loadBundle } = require(${JSON.stringify(join(DIST_CLI, 'bundle-loader.js'))});
    const { encodeCodeCache } = require(${JSON.stringify(join(DIST_CLI, 'code-cache.js'))});
    const b = loadBundle(process.argv[1], process.argv[2]);
    const result = b.exports.compute(10);
    if (process.argv[3] === 'train')
      require('node:fs').writeFileSync(process.argv[2], encodeCodeCache(require('node:fs').readFileSync(process.argv[1]), b.script.createCachedData()));
    process.stdout.write(JSON.stringify({ cache: b.cache, result }));`;
  const out = execFileSync(process.execPath, ['-e', code, file, cache, train ? 'train' : ''], {
    encoding: 'utf8',
  });
  return JSON.parse(out) as { cache: string; result: number };
}

describe('bundle loader', () => {
  let dir: string;
  let file: string;
  let cache: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'sigillo-loader-'));
    file = join(dir, 'bundle.js');
    cache = join(dir, 'bundle.cache');
    writeFileSync(file, SOURCE);
    expect(loadInChild(file, cache, true)).toEqual({ cache: 'missing', result: 136 });
  });

  it('compiles with the cache when it matches, and runs the same', () => {
    expect(loadInChild(file, cache)).toEqual({ cache: 'used', result: 136 });
  });
  it('gives the module its own module, exports, require, __filename and __dirname', () => {
    const b = loadBundle(file, cache);
    const [filename, dirname, moduleFile, thisIsExports] = (b.exports as { where(): unknown[] }).where();
    expect([filename, dirname, moduleFile, thisIsExports]).toEqual([file, dir, file, true]);
  });
  it('a stale cache (bundle changed, same length) is not given to V8: the new code runs', () => {
    const changed = SOURCE.replace('s += i * 3', 's += i * 4');
    expect(changed.length).toBe(SOURCE.length);
    const other = join(dir, 'changed.js');
    writeFileSync(other, changed);
    expect(loadInChild(other, cache)).toEqual({ cache: 'stale', result: 181 });
  });
  it('V8 refusing the data (a right header over wrong data) is reported, and the bundle still runs', () => {
    const bad = join(dir, 'bad.cache');
    writeFileSync(bad, encodeCodeCache(Buffer.from(SOURCE), randomBytes(2000)));
    expect(loadInChild(file, bad)).toEqual({ cache: 'rejected', result: 136 });
  });
  it('refuses a file that is not a bundle', () => {
    const other = join(dir, 'plain.js');
    writeFileSync(other, 'module.exports = 1;');
    expect(() => loadBundle(other, cache)).toThrow(/not a CLI bundle/);
  });
});
