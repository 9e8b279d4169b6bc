/**
 * `sigillo verify` of a batch: the verifier thread is started by the entry before the program's bundle loads
 * (cli/early-verify.ts) and waits for its session (cli/verifier-thread.ts `go`); the command takes it when its
 * own rule starts a thread. The words are counted as the command expands them (options and their values left
 * out, a folder's signature files only); a thread only for `verify` of a batch the pool's rule would split (or
 * SIGILLO_VERIFY_THREADS), never for SIGILLO_NO_FAST=1 or --help; and it never keeps the process alive: a run
 * that stops at a usage error, or finds no file, ends promptly. The JSON is the serial run's, with
 * the program's and the thread's code caches used (the flags change only once the bundle is compiled).
 */
import { spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { POOL_FROM_FILES } from '../../electron/core/validate/verify-pool';
import type * as EarlyModule from '../../electron/cli/early-verify';
import { CLI } from '../support/cli';
import { opensslCmsSign } from '../verify/support/openssl-cms';

const fx = inject('fixture');
// the built module: the thread's script is dist/electron/cli/verifier-thread.js beside it
// eslint-disable-next-line @typescript-eslint/no-require-imports
const early = require(
  join(__dirname, '..', '..', 'dist', 'electron', 'cli', 'early-verify.js'),
) as typeof EarlyModule;
const { EARLY_FROM_FILES, countVerifyFiles, startEarlyVerifier } = early;
let dir = '';
let batch = '';

beforeAll(() => {
  dir = mkdtempSync(join(fx.root, 'early-verify-'));
  batch = join(dir, 'batch');
  mkdirSync(batch);
  const doc = join(dir, 'fattura.xml');
  writeFileSync(doc, `<Fattura>${'riga '.repeat(300)}</Fattura>\n`);
  const good = join(dir, 'good.xml.p7m');
  opensslCmsSign({ input: doc, out: good, signer: fx.pki.signature, certfile: fx.pki.caPem });
  const bytes = readFileSync(good);
  // 600 files (a batch the thread surely joins before the calling thread is done), links of one p7m
  for (let i = 0; i < 600; i++) linkSync(good, join(batch, `f${String(i).padStart(3, '0')}.xml.p7m`));
  const flipped = Buffer.from(bytes);
  const at = flipped.indexOf('riga');
  flipped[at] = (flipped[at] as number) ^ 1;
  rmSync(join(batch, 'f300.xml.p7m'));
  writeFileSync(join(batch, 'f300.xml.p7m'), flipped); // tampered, in the middle
  writeFileSync(join(batch, '.hidden.p7m'), bytes);
  writeFileSync(join(batch, 'notes.txt'), 'x');
  mkdirSync(join(batch, 'sub.p7m'));
});

function cli(args: string[], env: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, [CLI, ...args], {
    env: {
      PATH: process.env.PATH,
      HOME: dir,
      XDG_CONFIG_HOME: join(dir, 'config'),
      SIGILLO_LANG: 'en',
      ...env,
    },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
}

describe('the verifier thread started by the entry', () => {
  it('counts the files the words name as verify expands them', () => {
    expect(EARLY_FROM_FILES).toBe(POOL_FROM_FILES);
    const trust = fx.pki.rootPem;
    expect(countVerifyFiles([batch])).toBe(600);
    expect(countVerifyFiles(['--json', '--trust', batch, batch])).toBe(600); // the folder after --trust is a value
    expect(countVerifyFiles(['--trust=' + trust, '--offline', batch, join(dir, 'good.xml.p7m')])).toBe(601);
    expect(countVerifyFiles(['--content', batch, '--report', batch, '--visual-diff', batch])).toBe(0);
    expect(countVerifyFiles(['--', '--odd-name.p7m', batch])).toBe(601);
    expect(countVerifyFiles([join(dir, 'missing.p7m')])).toBe(1);
  });

  it('a thread only for verify of a batch the rule splits; none for --help, few files or SIGILLO_NO_FAST=1', async () => {
    expect(startEarlyVerifier(['sign', batch], {})).toBeUndefined();
    expect(startEarlyVerifier(['verify', '--help', batch], { SIGILLO_VERIFY_THREADS: '1' })).toBeUndefined();
    expect(startEarlyVerifier(['verify', join(dir, 'good.xml.p7m')], {})).toBeUndefined();
    expect(startEarlyVerifier(['verify', batch], { SIGILLO_VERIFY_THREADS: '0' })).toBeUndefined();
    expect(
      startEarlyVerifier(['verify', batch], { SIGILLO_VERIFY_THREADS: '1', SIGILLO_NO_FAST: '1' }),
    ).toBeUndefined();
    const started = startEarlyVerifier(['verify', batch], { SIGILLO_VERIFY_THREADS: '1' });
    expect(started?.alive()).toBe(true);
    await started?.worker.terminate();
    expect(started?.alive()).toBe(false);
  });

  it('the CLI takes it: the serial run`s JSON, every code cache used, the tampered file INVALID', () => {
    const words = ['verify', '--json', '--offline', '--no-tsl', '--trust', fx.pki.rootPem, batch];
    const pooled = cli(words, { SIGILLO_VERIFY_THREADS: '1', SIGILLO_DEBUG_CODE_CACHE: '1' });
    const plain = cli(words, { SIGILLO_NO_FAST: '1' });
    expect(pooled.stderr).toContain('sigillo: verifier thread started by the entry');
    expect(pooled.stderr).toContain('sigillo: code cache used');
    expect(pooled.stderr).toContain('sigillo: verifier thread code cache used');
    expect(pooled.stderr).toContain('sigillo: verifier thread built-ins loaded after the flags: 0');
    // the command took it (said by the calling thread) …
    expect(pooled.stderr).toContain('sigillo: verifier thread taken from the entry');
    // … and it had loaded its code once the entry had taken its own cache (above: used), on `preload`, which the
    // entry posts before the command's `go` (the thread's lines are written at once, in its order)
    expect(pooled.stderr).toContain('sigillo: verifier thread code loaded before go');
    expect(pooled.stderr.indexOf('started by the entry')).toBeLessThan(
      pooled.stderr.indexOf('code loaded before go'),
    );
    expect(pooled.status).toBe(1);
    expect(plain.status).toBe(1);
    expect(pooled.stdout).toBe(plain.stdout);
    const reports = JSON.parse(pooled.stdout) as { file: string; signatures: { integrity: string }[] }[];
    expect(reports.length).toBe(600);
    expect(reports[300]?.file).toBe(join(batch, 'f300.xml.p7m'));
    expect(reports[300]?.signatures[0]?.integrity).toBe('invalid');
    expect(reports[299]?.signatures[0]?.integrity).toBe('valid');
  });

  it('a thread nobody takes never holds the process: a usage error, or no file to verify, ends at once', () => {
    const env = { SIGILLO_VERIFY_THREADS: '1', SIGILLO_DEBUG_CODE_CACHE: '1' };
    const usage = cli(['verify', '--bogus', batch], env);
    expect(usage.error).toBeUndefined(); // no timeout
    expect(usage.status).toBe(2);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const none = cli(['verify', '--json', '--offline', '--no-tsl', '--trust', fx.pki.rootPem, empty], env);
    expect(none.error).toBeUndefined();
    expect(none.status).toBe(1);
    expect(none.stdout).toContain('NOTHING_TO_VERIFY');
  });
});
