/**
 * Work started on a big input before the token is opened (sign/prefetch.ts): taken by the signer it gives the same
 * valid outputs (openssl, pdfsig, qpdf); a file changed in between is signed as it is now; work nobody takes
 * leaves no temporary file; small inputs get none.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signCades } from '../../electron/core/sign/cades';
import { Prefetch, PREFETCH_MIN_BYTES } from '../../electron/core/sign/prefetch';
import { signPades } from '../../electron/core/sign/pades-sign';
import { TEMP_PATTERN } from '../../electron/core/files/atomic-output';
import { opensslVerify, softwareSigner } from '../cms/helpers';
import { writeBigPdf } from '../pdf/support/make-pdf';
import { makeNssDb, type NssDb } from '../pdf/support/nss';
import { expectGoodPades } from '../pdf/support/pades-output';

const fx = inject('fixture');
const BIG = PREFETCH_MIN_BYTES + 1234567;

describe('prefetch', () => {
  const base = mkdtempSync(join(fx.root, 'prefetch-'));
  let n = 0;
  const fresh = (size: number, name = 'doc.bin') => {
    const dir = join(base, `t${n++}`);
    mkdirSync(dir);
    const input = join(dir, name);
    writeFileSync(input, randomBytes(size));
    return { dir, input };
  };
  const temps = (dir: string) => readdirSync(dir).filter((f) => TEMP_PATTERN.test(f));
  const cadesOpts = { overwrite: false, digest: 'sha256' as const, nest: false };
  let nss: NssDb;
  beforeAll(() => {
    nss = makeNssDb(join(base, 'nss'), fx.pki, fx.pki.signature);
  });

  it('CAdES: the early copy + hash becomes the p7m (openssl verifies it, content = input)', async () => {
    const { dir, input } = fresh(BIG);
    const prefetched = await Prefetch.start({ format: 'cades', input, digest: 'sha256', overwrite: false });
    expect(prefetched).toBeDefined();
    expect(temps(dir)).toHaveLength(1);
    const progress: number[] = [];
    const res = await signCades({
      ...cadesOpts,
      input,
      signer: softwareSigner(fx.pki),
      prefetched,
      onProgress: (d) => progress.push(d),
    });
    await prefetched?.cancel();
    const content = join(dir, 'content.out');
    expect(opensslVerify(res.output, fx.pki.chainPem, { out: content }).ok).toBe(true);
    expect(readFileSync(content).equals(readFileSync(input))).toBe(true);
    expect(progress.at(-1)).toBe(BIG);
    expect(temps(dir)).toEqual([]);
  });

  it('CAdES: a file rewritten after the prefetch is signed as it is now', async () => {
    const { dir, input } = fresh(BIG);
    const prefetched = await Prefetch.start({ format: 'cades', input, digest: 'sha256', overwrite: false });
    await new Promise((r) => setTimeout(r, 20));
    writeFileSync(input, randomBytes(BIG + 10));
    const res = await signCades({ ...cadesOpts, input, signer: softwareSigner(fx.pki), prefetched });
    await prefetched?.cancel();
    const content = join(dir, 'content.out');
    expect(opensslVerify(res.output, fx.pki.chainPem, { out: content }).ok).toBe(true);
    expect(readFileSync(content).equals(readFileSync(input))).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('PAdES: the early kernel copy + hash becomes the signed PDF (pdfsig, qpdf)', async () => {
    const dir = join(base, `pdf${n++}`);
    mkdirSync(dir);
    const input = writeBigPdf(join(dir, 'big.pdf'), BIG);
    const prefetched = await Prefetch.start({ format: 'pades', input, digest: 'sha256', overwrite: false });
    expect(temps(dir)).toHaveLength(1);
    const r = await signPades({
      input,
      overwrite: false,
      digest: 'sha256',
      signer: softwareSigner(fx.pki),
      prefetched,
    });
    await prefetched?.cancel();
    expectGoodPades(input, r.output, 1, nss);
    expect(temps(dir)).toEqual([]);
  });

  it('work nobody takes is cancelled without leftovers; small inputs and existing outputs get none', async () => {
    const { dir, input } = fresh(BIG);
    const unused = await Prefetch.start({ format: 'cades', input, digest: 'sha256', overwrite: false });
    expect(temps(dir)).toHaveLength(1);
    await unused?.cancel();
    expect(readdirSync(dir)).toEqual(['doc.bin']);
    const small = fresh(1000);
    expect(
      await Prefetch.start({ format: 'cades', input: small.input, digest: 'sha256', overwrite: false }),
    ).toBe(undefined);
    writeFileSync(`${input}.p7m`, 'already here');
    expect(await Prefetch.start({ format: 'cades', input, digest: 'sha256', overwrite: false })).toBe(
      undefined,
    );
  });
});
