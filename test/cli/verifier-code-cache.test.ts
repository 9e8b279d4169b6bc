/**
 * `sigillo verify`'s verifier thread runs from its own bundle with a build-time code cache (issue 22,
 * cli/verifier-thread.ts, build/scripts/train-verifier-cache.js). The cache is made with the batch's V8 flags,
 * which V8 hashes into every cache: the CLI hands them to the thread, which loads Node's built-ins first (their
 * own caches are made under V8's defaults) and then sets them, and the cache is used; set before the thread
 * starts, it is used too; without them, V8 refuses it. A stale (one byte of the bundle changed), random, cut, missing or refused cache, or
 * a bundle older than the thread's built files, and the thread compiles as usual or runs from the plain files:
 * every report the same as the serial run's, a tampered file in the middle still INVALID, nothing written. Runs
 * on a copy of dist/electron/cli (the rest of dist linked), so each case can change its copy.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { encodeCodeCache } from '../../electron/cli/code-cache';
import { copyBuiltCli, snapshot } from './support/cli-copy';
import { opensslCmsSign } from '../verify/support/openssl-cms';

const fx = inject('fixture');
const DRIVER = join(__dirname, 'support', 'pool-thread-run.js');

interface Run {
  stderr: string;
  byThreads: number;
  reports: string;
}

describe('the verifier thread: its bundle and code cache', () => {
  let root: string;
  let cli: string;
  let home: string;
  let batch: string;
  /** the driver's files: one valid p7m many times, a tampered one and a cut one in the middle */
  let few: string[];
  let tampered: string;
  let serial: string;
  let original: { bundle: Buffer; cache: Buffer };
  const bundle = () => join(cli, 'verifier-bundle.js');
  const cache = () => join(cli, 'verifier-bundle.cache');

  const env = () => ({
    PATH: process.env.PATH,
    HOME: home,
    XDG_CONFIG_HOME: join(home, 'config'),
    XDG_CACHE_HOME: join(home, 'cache'),
    SIGILLO_LANG: 'en',
    SIGILLO_DEBUG_CODE_CACHE: '1',
  });

  /** one batch through the thread script of the copy (`flags`: see the driver); nothing may be written */
  function drive(flags: 'thread' | 'batch' | 'none' | 'serial'): Run {
    const before = [...snapshot(root), ...snapshot(home)];
    const r = spawnSync(process.execPath, [DRIVER, cli, flags, fx.pki.rootPem, ...few], {
      env: env(),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect([...snapshot(root), ...snapshot(home)]).toEqual(before);
    const out = JSON.parse(r.stdout) as { byThreads: number; reports: unknown[] };
    return { stderr: r.stderr, byThreads: out.byThreads, reports: JSON.stringify(out.reports) };
  }

  function withFiles(b: Buffer, c: Buffer | undefined): void {
    writeFileSync(bundle(), b);
    if (c) writeFileSync(cache(), c);
    else rmSync(cache(), { force: true });
  }

  beforeAll(() => {
    root = mkdtempSync(join(fx.root, 'verifier-cache-'));
    home = join(root, 'home');
    mkdirSync(home);
    cli = copyBuiltCli(root);
    original = { bundle: readFileSync(bundle()), cache: readFileSync(cache()) };

    const inputs = join(root, 'inputs');
    batch = join(inputs, 'batch');
    mkdirSync(batch, { recursive: true });
    const doc = join(inputs, 'fattura.xml');
    writeFileSync(doc, `<Fattura>${'riga '.repeat(400)}</Fattura>\n`);
    const good = join(inputs, 'good.xml.p7m');
    opensslCmsSign({ input: doc, out: good, signer: fx.pki.signature, certfile: fx.pki.caPem });
    // 600 files (a batch the thread surely joins before the calling thread is done), links of one p7m
    for (let i = 0; i < 600; i++) linkSync(good, join(batch, `f${String(i).padStart(3, '0')}.xml.p7m`));
    const bytes = readFileSync(good);
    tampered = join(batch, 'f300.xml.p7m');
    rmSync(tampered);
    const flipped = Buffer.from(bytes);
    const at = flipped.indexOf('riga');
    flipped[at] = (flipped[at] as number) ^ 1;
    writeFileSync(tampered, flipped);
    const cut = join(batch, 'f450.xml.p7m');
    rmSync(cut);
    writeFileSync(cut, bytes.subarray(0, 900));
    few = [
      ...readdirSync(batch)
        .sort()
        .slice(290, 310)
        .map((n) => join(batch, n)),
      cut,
    ];
    serial = drive('serial').reports;
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sigillo verify: the thread runs its bundle with the cache; the JSON is the serial run`s', () => {
    withFiles(original.bundle, original.cache);
    const words = ['verify', '--json', '--offline', '--no-tsl', '--trust', fx.pki.rootPem, batch];
    const cli1 = (extra: NodeJS.ProcessEnv) => {
      const before = [...snapshot(root), ...snapshot(home)];
      const r = spawnSync(process.execPath, [join(cli, 'sigillo.js'), ...words], {
        env: { ...env(), ...extra },
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      expect([...snapshot(root), ...snapshot(home)]).toEqual(before);
      return r;
    };
    const pooled = cli1({ SIGILLO_VERIFY_THREADS: '1' });
    expect(pooled.stderr).toContain('sigillo: verifier thread code cache used');
    const plain = cli1({ SIGILLO_NO_FAST: '1' });
    expect(plain.stderr).not.toContain('verifier thread');
    expect(pooled.status).toBe(1);
    expect(pooled.status).toBe(plain.status);
    expect(pooled.stdout).toBe(plain.stdout);
    const reports = JSON.parse(pooled.stdout) as { file: string; signatures: { integrity: string }[] }[];
    expect(reports.map((r) => r.file)).toEqual(
      readdirSync(batch)
        .sort()
        .map((n) => join(batch, n)),
    );
    expect(reports[300]?.file).toBe(tampered);
    expect(reports[300]?.signatures[0]?.integrity).toBe('invalid');
    expect(reports[299]?.signatures[0]?.integrity).toBe('valid');
  });

  it('flags handed to the thread: it loads Node`s built-ins first, then sets them; the cache is used', () => {
    withFiles(original.bundle, original.cache);
    const r = drive('thread');
    expect(r.stderr).toContain('sigillo: verifier thread code cache used');
    // every built-in its bundle loads was loaded under V8's default flags, with Node's own code caches
    expect(r.stderr).toContain('sigillo: verifier thread built-ins loaded after the flags: 0');
    expect(r.byThreads).toBe(few.length);
    expect(r.reports).toBe(serial);
  });

  it('flags set before the thread starts: the cache is used; without them V8 refuses it; same reports', () => {
    withFiles(original.bundle, original.cache);
    const used = drive('batch');
    expect(used.stderr).toContain('sigillo: verifier thread code cache used');
    expect(used.byThreads).toBe(few.length);
    expect(used.reports).toBe(serial);
    expect(serial).toContain('"integrity":"invalid"');
    expect(serial).toContain('"code":"TRUNCATED"');
    const other = drive('none');
    expect(other.stderr).toContain('sigillo: verifier thread code cache rejected');
    expect(other.byThreads).toBe(few.length);
    expect(other.reports).toBe(serial);
  });

  it('a stale, random, cut, missing or refused cache: compiled as usual, same reports', () => {
    const changed = Buffer.from(original.bundle);
    // a letter of the licence notes of a package in the bundle: the program is the same, its bytes are not
    const at = changed.lastIndexOf('Permission');
    expect(at).toBeGreaterThan(0);
    changed[at] = 'p'.charCodeAt(0);
    const cases: [Buffer, Buffer | undefined, string][] = [
      [changed, original.cache, 'stale'],
      [original.bundle, randomBytes(original.cache.length), 'corrupt'],
      [original.bundle, original.cache.subarray(0, Math.floor(original.cache.length / 2)), 'corrupt'],
      [original.bundle, undefined, 'missing'],
      [original.bundle, encodeCodeCache(original.bundle, randomBytes(64 * 1024)), 'rejected'],
    ];
    for (const [b, c, why] of cases) {
      withFiles(b, c);
      const r = drive('batch');
      expect(r.stderr).toContain(`sigillo: verifier thread code cache ${why}`);
      expect(r.byThreads).toBe(few.length);
      expect(r.reports).toBe(serial);
    }
  });

  it('a bundle older than the thread`s built files: the thread runs from the files, same reports', () => {
    withFiles(original.bundle, original.cache);
    const entry = join(cli, '..', 'core', 'validate', 'verify-pool-thread.js');
    const old = new Date(statSync(entry).mtimeMs - 60_000);
    utimesSync(bundle(), old, old);
    const r = drive('batch');
    expect(r.stderr).toContain('sigillo: verifier thread without a current bundle, from the files');
    expect(r.byThreads).toBe(few.length);
    expect(r.reports).toBe(serial);
  });
});
