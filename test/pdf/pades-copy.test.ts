/**
 * The kernel copy of the original bytes (fs.copyFile into the temporary output) while they are hashed in
 * parallel: a multi-chunk input, read-only, gives an output that starts with exactly its bytes, validated by
 * pdfsig, with the output's own mode (not the input's) and the input untouched.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signPades } from '../../electron/core/sign/pades-sign';
import { handwrittenPdf } from './support/make-pdf';
import { makeNssDb, type NssDb } from './support/nss';
import { expectGoodPades } from './support/pades-output';
import { fileSigner } from './support/signers';

const fx = inject('fixture');

describe('PAdES signing: kernel copy + parallel hash', () => {
  let dir: string;
  let nss: NssDb;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pades-copy-'));
    nss = makeNssDb(join(dir, 'nss'), fx.pki, fx.pki.signature);
  });

  it('signs a read-only 9 MiB PDF (3 read chunks): exact prefix, valid signature, mode 0644', async () => {
    // handwrittenPdf's padded file has an xref offset qpdf warns about: qpdf rewrites it clean (uncompressed)
    const raw = join(dir, 'raw.pdf');
    writeFileSync(raw, handwrittenPdf({ padding: 9 * 1024 * 1024 + 12345 }));
    const input = join(dir, 'big.pdf');
    execFileSync(
      'qpdf',
      ['--warning-exit-0', '--compress-streams=n', '--preserve-unreferenced', raw, input],
      { stdio: 'ignore' },
    );
    chmodSync(input, 0o444);
    const before = createHash('sha256').update(readFileSync(input)).digest('hex');
    const output = join(dir, 'big-signed.pdf');
    const seen: number[] = [];
    const r = await signPades({
      input,
      output,
      overwrite: false,
      digest: 'sha256',
      signer: fileSigner(fx.pki),
      onProgress: (done) => seen.push(done),
    });
    expectGoodPades(input, output, 1, nss);
    expect(r.size).toBe(statSync(output).size);
    expect(statSync(output).mode & 0o777).toBe(0o644);
    expect(createHash('sha256').update(readFileSync(input)).digest('hex')).toBe(before);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen[seen.length - 1]).toBe(statSync(input).size);
  });
});
