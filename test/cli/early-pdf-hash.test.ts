/**
 * `sigillo verify BIG.pdf`: the bin starts the PDF's hashing thread before the program loads
 * (cli/early-pdf-hash.ts). Only for one big file that begins as a PDF, with the speed-ups on; the built CLI's
 * JSON is then the one made without speed-ups, and a command that does not take the thread (help, a usage
 * error, an output that exists) still ends at once — the thread never keeps the process alive.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bigPdfToVerify, EARLY_PDF_MIN_BYTES, singleVerifyInput } from '../../electron/cli/early-pdf-hash';
import { BIG_PDF_INLINE_CUMULATIVE } from '../../electron/cli/batch-tiering';
import { ON_THREAD_NOTE } from '../../electron/cli/program-thread-host';
import { runCli } from '../support/cli';
import { handwrittenPdf, writeRandomPaddedPdf } from '../pdf/support/make-pdf';
import { signFile } from '../pdf/support/signers';

const fx = inject('fixture');

/** the report without what depends on the run */
const stable = (json: string) => json.replace(/"(checkedAt|validationTime|now)":\s*"[^"]*"/g, '"$1":""');

describe('the one file of verify', () => {
  it('is the single positional word, never an option value', () => {
    expect(singleVerifyInput(['verify', 'a.pdf'])).toBe('a.pdf');
    expect(singleVerifyInput(['verify', '--json', '--offline', 'a.pdf'])).toBe('a.pdf');
    expect(singleVerifyInput(['verify', '--trust', 'ca.pem', 'a.pdf', '--report', 'r.pdf'])).toBe('a.pdf');
    expect(singleVerifyInput(['verify', '--trust=ca.pem', 'a.pdf'])).toBe('a.pdf');
    expect(singleVerifyInput(['verify', '--visual-diff', 'out', '--', '-odd.pdf'])).toBe('-odd.pdf');
    expect(singleVerifyInput(['verify', 'a.pdf', 'b.pdf'])).toBeUndefined();
    expect(singleVerifyInput(['verify'])).toBeUndefined();
    expect(singleVerifyInput(['verify', '--content', 'c.bin', 'a.p7s'])).toBeUndefined();
    expect(singleVerifyInput(['verify', '--help', 'a.pdf'])).toBeUndefined();
    expect(singleVerifyInput(['sign', 'a.pdf'])).toBeUndefined();
  });
});

describe('the early PDF hashing thread', () => {
  let dir: string;
  let big: string;
  let small: string;
  let p7mLike: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'early-pdf-'));
    const padding = EARLY_PDF_MIN_BYTES + 1024 * 1024;
    const b = readFileSync(writeRandomPaddedPdf(join(dir, 'doc.pdf'), padding));
    let input = join(dir, 'doc.pdf');
    for (let i = 1; i <= 3; i++) input = await signFile(fx.pki, input, join(dir, `doc-${i}.pdf`));
    big = input;
    writeFileSync(join(dir, 's.pdf'), handwrittenPdf());
    small = await signFile(fx.pki, join(dir, 's.pdf'), join(dir, 's-1.pdf'));
    // a big file that only contains a PDF header further in (as a p7m wrapping a PDF does)
    p7mLike = join(dir, 'wrapped.p7m');
    writeFileSync(p7mLike, Buffer.concat([Buffer.from([0x30, 0x80]), b]));
  });

  it('is guessed only for one big file beginning as a PDF, with the speed-ups on', () => {
    expect(bigPdfToVerify(['verify', '--json', big], {})).toBe(big);
    expect(bigPdfToVerify(['verify', big], { SIGILLO_NO_FAST: '1' })).toBeUndefined();
    expect(bigPdfToVerify(['verify', small], {})).toBeUndefined();
    expect(bigPdfToVerify(['verify', p7mLike], {})).toBeUndefined();
    expect(bigPdfToVerify(['verify', dir], {})).toBeUndefined();
    expect(bigPdfToVerify(['verify', join(dir, 'missing.pdf')], {})).toBeUndefined();
    expect(bigPdfToVerify(['verify', big, small], {})).toBeUndefined();
  });

  it('the CLI takes the thread with a head start; its report is the one made without speed-ups', async () => {
    const args = ['verify', '--json', '--offline', '--trust', fx.pki.rootPem, big];
    const fast = await runCli(args, { SIGILLO_DEBUG_EARLY_HASH: '1' });
    const slow = await runCli(args, { SIGILLO_NO_FAST: '1', SIGILLO_DEBUG_EARLY_HASH: '1' });
    expect(fast.stderr).toBe(`${ON_THREAD_NOTE}sigillo: early PDF hashing taken, head start used\n`);
    expect(slow.stderr).toBe(''); // no thread started without the speed-ups
    expect(stable(fast.stdout)).toBe(stable(slow.stdout));
    const r = JSON.parse(fast.stdout) as { signatures: { integrity: string }[] }[];
    expect(r[0]!.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid', 'valid']);
  });

  it('the bin loads the thread module only for a big PDF (a small one or a p7m: only the guess)', async () => {
    const preload = join(dir, 'preload.js');
    writeFileSync(
      preload,
      `process.on('exit', () => require('node:fs').writeFileSync(process.env.LOADED_OUT, ` +
        `JSON.stringify(Object.keys(require.cache))));`,
    );
    const loaded = async (file: string): Promise<string[]> => {
      const out = join(dir, `loaded-${Math.random().toString(36).slice(2)}.json`);
      await runCli(['verify', '--json', '--offline', file], {
        NODE_OPTIONS: `--require ${preload}`,
        LOADED_OUT: out,
      });
      return JSON.parse(readFileSync(out, 'utf8')) as string[];
    };
    const thread = (mods: string[]) => mods.filter((m) => m.endsWith('range-hash-thread.js'));
    expect(thread(await loaded(big))).toHaveLength(1);
    expect(thread(await loaded(small))).toEqual([]);
    expect(thread(await loaded(p7mLike))).toEqual([]);
  });

  it('the CLI lowers V8 inlining budget for the big PDF only, once its code is loaded from the cache', async () => {
    const preload = join(dir, 'flags-preload.js');
    writeFileSync(
      preload,
      // every thread (the preload runs in each): one line per flag set, with the thread that set it
      `const v8 = require('node:v8'); const set = v8.setFlagsFromString;
       const { threadId } = require('node:worker_threads');
       v8.setFlagsFromString = (f) => {
         require('node:fs').appendFileSync(process.env.FLAGS_OUT, threadId + ' ' + f + '\\n');
         return set(f);
       };`,
    );
    const flagsSet = async (file: string, env: NodeJS.ProcessEnv = {}) => {
      const out = join(dir, `flags-${Math.random().toString(36).slice(2)}.txt`);
      const r = await runCli(['verify', '--json', '--offline', file], {
        ...env,
        NODE_OPTIONS: `--require ${preload}`,
        FLAGS_OUT: out,
        SIGILLO_DEBUG_CODE_CACHE: '1',
      });
      const lines = existsSync(out) ? readFileSync(out, 'utf8').split('\n').filter(Boolean) : [];
      return {
        flags: lines.map((l) => l.slice(l.indexOf(' ') + 1)),
        threads: lines.map((l) => Number(l.slice(0, l.indexOf(' ')))),
        stderr: r.stderr,
      };
    };
    const fast = await flagsSet(big);
    expect(fast.flags).toEqual([`--max-inlined-bytecode-size-cumulative=${BIG_PDF_INLINE_CUMULATIVE}`]);
    // the program of a big PDF runs on a thread while the main thread hashes (cli/program-thread-host.ts)
    expect(fast.threads).not.toContain(0);
    expect(fast.stderr).toContain('sigillo: code cache used'); // set after the cache was taken, never refusing it
    expect((await flagsSet(small)).flags).toEqual([]);
    expect((await flagsSet(big, { SIGILLO_NO_FAST: '1' })).flags).toEqual([]);
  });

  it('a command that leaves the thread still ends at once', async () => {
    const report = join(dir, 'exists.pdf');
    writeFileSync(report, 'x');
    for (const args of [
      ['verify', '--bogus', big],
      ['verify', '--report', report, big],
    ]) {
      const t0 = Date.now();
      const r = await runCli(args, { SIGILLO_DEBUG_EARLY_HASH: '1' });
      expect(r.code, args.join(' ')).not.toBe(0);
      if (args[1] === '--report') expect(r.stderr).toContain('sigillo: early PDF hashing left');
      expect(Date.now() - t0, args.join(' ')).toBeLessThan(5000);
    }
  });
});
