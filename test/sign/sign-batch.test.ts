/**
 * The core's batch signing (core/sign/sign-batch.ts) with a software key: one login for the batch, one result
 * per file (a missing file, an existing output or a FIFO never stop the others, never INTERNAL), options that
 * cannot work refused before the login, and cancel inside a big file (CAdES attached and detached, PAdES):
 * CANCELLED, no output and no temporary file left, the next file not started.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { signBatch, type BatchHooks, type OpenedSigner } from '../../electron/core/sign/sign-batch';
import type { SignPolicy } from '../../electron/core/sign/sign-policy';
import { PREFETCH_MIN_BYTES } from '../../electron/core/sign/prefetch';
import { opensslVerify, softwareSigner } from '../cms/helpers';
import { writeBigPdf, writeHandwritten } from '../pdf/support/make-pdf';
import { qpdfCheck } from '../pdf/support/nss';

const fx = inject('fixture');
const base = mkdtempSync(join(fx.root, 'sign-batch-'));
let n = 0;
const fresh = (): string => {
  const d = join(base, `t${n++}`);
  mkdirSync(d);
  return d;
};
const policy = (p: Partial<SignPolicy> = {}): SignPolicy => ({
  format: 'auto',
  digest: 'sha256',
  overwrite: false,
  nest: false,
  level: 'B',
  ...p,
});

/** a software "token" counting its logins and logouts */
function token() {
  const counts = { opened: 0, closed: 0 };
  const open = async (): Promise<OpenedSigner> => {
    counts.opened++;
    return { signer: softwareSigner(fx.pki), close: () => void counts.closed++ };
  };
  return { counts, open };
}

describe('signBatch', () => {
  it('one login for the batch; a bad file gets its own error and the others are signed', async () => {
    const d = fresh();
    const a = join(d, 'a.txt');
    const b = join(d, 'b.txt');
    writeFileSync(a, 'primo\n');
    writeFileSync(b, 'secondo\n');
    writeFileSync(`${b}.p7m`, 'already here');
    const fifo = join(d, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const pdf = writeHandwritten(join(d, 'c.pdf'));
    const missing = join(d, 'missing.txt');
    const { counts, open } = token();
    const done: number[] = [];
    const results = await signBatch([a, missing, b, fifo, pdf], policy(), open, {
      onFileDone: (_r, i) => done.push(i),
    });
    expect(counts).toEqual({ opened: 1, closed: 1 });
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual([
      'ok',
      'INPUT_NOT_FOUND',
      'OUTPUT_EXISTS',
      'INPUT_NOT_REGULAR',
      'ok',
    ]);
    expect(results.map((r) => r.format)).toEqual(['cades', 'cades', 'cades', 'cades', 'pades']);
    expect(opensslVerify(results[0]!.output!, fx.pki.chainPem).ok).toBe(true);
    expect(qpdfCheck(results[4]!.output!).ok).toBe(true);
    expect(readdirSync(d).sort()).toEqual(
      ['a.txt', 'a.txt.p7m', 'b.txt', 'b.txt.p7m', 'c-signed.pdf', 'c.pdf', 'pipe.txt'].sort(),
    );
  });

  it('options that cannot work are refused before the login (no PIN asked, nothing written)', async () => {
    const d = fresh();
    const a = join(d, 'a.xml');
    writeFileSync(a, '<a/>');
    const cases: [Partial<SignPolicy>, string][] = [
      [{ level: 'T' }, 'TSA_URL_MISSING'],
      [{ format: 'xades', level: 'LT', tsa: { url: 'http://127.0.0.1:1/' } }, 'LEVEL_UNSUPPORTED'],
      [{ format: 'xades', level: 'LTA', tsa: { url: 'http://127.0.0.1:1/' } }, 'LEVEL_UNSUPPORTED'],
      [
        { countersign: { signerIndex: 1 }, level: 'LT', tsa: { url: 'http://127.0.0.1:1/' } },
        'LEVEL_UNSUPPORTED',
      ],
      [{ detached: true, level: 'LTA', tsa: { url: 'http://127.0.0.1:1/' } }, 'LEVEL_UNSUPPORTED'],
      [{ detached: true, format: 'pades' }, 'SIGN_OPTIONS_CONFLICT'],
      [{ detached: true, nest: true }, 'SIGN_OPTIONS_CONFLICT'],
    ];
    for (const [p, code] of cases) {
      const { counts, open } = token();
      await expect(signBatch([a], policy(p), open)).rejects.toMatchObject({ code });
      expect(counts.opened).toBe(0);
    }
    expect(readdirSync(d)).toEqual(['a.xml']);
  });

  const big = PREFETCH_MIN_BYTES + 24 * 1024 * 1024;
  const bigPdf = (d: string): string => writeBigPdf(join(d, 'grande.pdf'), big);
  const inputs: [string, Partial<SignPolicy>, (d: string) => string][] = [
    ['CAdES attached', {}, (d) => join(d, 'grande.bin')],
    ['CAdES detached', { detached: true }, (d) => join(d, 'grande.bin')],
    ['PAdES', {}, bigPdf],
  ];
  for (const [name, p, make] of inputs) {
    it(`cancel inside a big file (${name}): CANCELLED, nothing left behind, the next file not started`, async () => {
      const d = fresh();
      const input = make(d);
      if (input.endsWith('.bin')) writeFileSync(input, randomBytes(big));
      const next = join(d, 'dopo.txt');
      writeFileSync(next, 'dopo');
      const before = readdirSync(d).sort();
      const controller = new AbortController();
      const seen: number[] = [];
      const hooks: BatchHooks = {
        signal: controller.signal,
        onProgress: (i, done, total) => {
          seen.push(i);
          if (done > 0 && done < total) controller.abort();
        },
      };
      const { counts, open } = token();
      const results = await signBatch([input, next], policy(p), open, hooks);
      expect(controller.signal.aborted).toBe(true);
      expect(results).toHaveLength(1);
      expect(results[0]).toMatchObject({ input, output: null, error: { code: 'CANCELLED' } });
      expect(new Set(seen)).toEqual(new Set([0]));
      expect(counts).toEqual({ opened: 1, closed: 1 });
      // no output, no .sigillo-*.tmp: the folder holds the inputs only
      expect(readdirSync(d).sort()).toEqual(before);
    }, 60_000);
  }
});
