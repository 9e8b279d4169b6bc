/**
 * The bin with its bundle's code cache (issue 22, start-up): the built CLI compiles its bundle with the cache when
 * it matches, and when the cache is stale (bundle changed by one byte of the same length), corrupt (random bytes),
 * cut, refused by V8 or missing it compiles the bundle as usual and answers exactly the same; without the bundle it
 * runs from its own files, again the same. It never writes a file. Runs on a copy of dist/electron/cli (the rest of
 * dist linked), so each case can change its copy.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCodeCache } from '../../electron/cli/code-cache';

const ROOT = join(__dirname, '..', '..');
const TRAINING = join(ROOT, 'build', 'training');
const WORDS = [
  'verify',
  '--json',
  '--offline',
  '--trust',
  join(TRAINING, 'root.pem'),
  join(TRAINING, 'fattura.xml.p7m'),
  join(TRAINING, 'documento.pdf'),
];

/** every file under `dir` (links not followed) with its size and modification time */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else out.push(`${p} ${st.size} ${st.mtimeMs}`);
    }
  };
  walk(dir);
  return out.sort();
}

describe('sigillo bin: bundle and code cache', () => {
  let root: string;
  let cli: string;
  let home: string;

  function run(words: string[]): { code: number | null; stdout: string; stderr: string } {
    const before = [...snapshot(root), ...snapshot(home)];
    const r = spawnSync(process.execPath, [join(cli, 'sigillo.js'), ...words], {
      env: {
        PATH: process.env.PATH,
        HOME: home,
        XDG_CONFIG_HOME: join(home, 'config'),
        XDG_CACHE_HOME: join(home, 'cache'),
        SIGILLO_LANG: 'en',
        SIGILLO_DEBUG_CODE_CACHE: '1',
      },
      encoding: 'utf8',
    });
    // nothing written: not next to the bundle, not in the user's folders
    expect([...snapshot(root), ...snapshot(home)]).toEqual(before);
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  const bundle = () => join(cli, 'sigillo-bundle.js');
  const cache = () => join(cli, 'sigillo-bundle.cache');
  let original: { bundle: Buffer; cache: Buffer };
  let expected: { code: number | null; stdout: string };

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sigillo-bin-'));
    home = join(root, 'home');
    mkdirSync(home);
    const dist = join(root, 'dist', 'electron');
    mkdirSync(dist, { recursive: true });
    for (const name of readdirSync(join(ROOT, 'dist', 'electron'))) {
      if (name !== 'cli') symlinkSync(join(ROOT, 'dist', 'electron', name), join(dist, name));
    }
    symlinkSync(join(ROOT, 'dist', 'shared'), join(root, 'dist', 'shared'));
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    cli = join(dist, 'cli');
    cpSync(join(ROOT, 'dist', 'electron', 'cli'), cli, { recursive: true, preserveTimestamps: true });
    original = { bundle: readFileSync(bundle()), cache: readFileSync(cache()) };
    // the program from its own files (no bundle): what every case must answer
    rmSync(bundle());
    const plain = run(WORDS);
    expect(plain.stderr).toContain('sigillo: no current bundle');
    expect(plain.stdout).toContain('"format": "cades"');
    expected = { code: plain.code, stdout: plain.stdout };
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  function withFiles(b: Buffer, c: Buffer | undefined): void {
    writeFileSync(bundle(), b);
    if (c) writeFileSync(cache(), c);
    else rmSync(cache(), { force: true });
  }

  it('the build made the bundle and a cache the bin uses', () => {
    withFiles(original.bundle, original.cache);
    const r = run(WORDS);
    expect(r.stderr).toContain('sigillo: code cache used');
    expect({ code: r.code, stdout: r.stdout }).toEqual(expected);
    const v = run(['--version']);
    expect(v.stdout.trim()).toBe(
      (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    expect(v.stderr).toContain('sigillo: code cache used');
  });

  it('a bundle changed by one byte of the same length: the cache is stale, not used; same answer', () => {
    const changed = Buffer.from(original.bundle);
    // a letter of the licence notes at the end of the bundle: the program is the same, its bytes are not
    const at = changed.lastIndexOf('Permission');
    expect(at).toBeGreaterThan(0);
    changed[at] = 'p'.charCodeAt(0);
    withFiles(changed, original.cache);
    const r = run(WORDS);
    expect(r.stderr).toContain('sigillo: code cache stale');
    expect({ code: r.code, stdout: r.stdout }).toEqual(expected);
  });

  it('random bytes, a cut cache, no cache, data V8 refuses: compiled as usual, same answer', () => {
    const cases: [Buffer | undefined, string][] = [
      [randomBytes(original.cache.length), 'corrupt'],
      [original.cache.subarray(0, Math.floor(original.cache.length / 2)), 'corrupt'],
      [original.cache.subarray(0, 100), 'corrupt'],
      [undefined, 'missing'],
      [encodeCodeCache(original.bundle, randomBytes(64 * 1024)), 'rejected'],
    ];
    for (const [c, why] of cases) {
      withFiles(original.bundle, c);
      const r = run(WORDS);
      expect(r.stderr).toContain(`sigillo: code cache ${why}`);
      expect({ code: r.code, stdout: r.stdout }).toEqual(expected);
    }
  });

  it('a bundle older than main.js (tsc run again without bundling): the program runs from its files', () => {
    withFiles(original.bundle, original.cache);
    // older than the copy's main.js, however long after the build this runs
    const old = new Date(statSync(join(cli, 'main.js')).mtimeMs - 60_000);
    utimesSync(bundle(), old, old);
    const r = run(WORDS);
    expect(r.stderr).toContain('sigillo: no current bundle, running from the files');
    expect({ code: r.code, stdout: r.stdout }).toEqual(expected);
  });

  it('the debug line only when asked', () => {
    withFiles(original.bundle, original.cache);
    const r = spawnSync(process.execPath, [join(cli, 'sigillo.js'), '--version'], {
      env: { PATH: process.env.PATH, HOME: home },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(existsSync(cache())).toBe(true);
  });
});
