/**
 * The interoperability corpus in ../shared/corpus/realworld (not copied into the repository): every
 * p7m/p7s/p7/pkcs7 file gets the integrity verdict of expected.tsv, offline. The PDFs are issue 5's.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { verifyFile } from '../../electron/core/validate/verify-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import type { SignatureReport } from '../../electron/core/verify/types';
import { expectedRows, realworldPresent as present, REALWORLD as CORPUS } from '../support/realworld-corpus';

interface Row {
  file: string;
  content: string;
  integrity: string;
}

function rows(): Row[] {
  return expectedRows()
    .map((c) => ({ file: c.file!, content: c.content!, integrity: c.integrity! }))
    .filter((r) => /\.(p7m|p7s|p7|pkcs7)$/i.test(r.file));
}

function all(s: SignatureReport[]): SignatureReport[] {
  return s.flatMap((x) => [x, ...all(x.counterSignatures)]);
}

describe.skipIf(!present)('real-world corpus (p7m/p7s/p7/pkcs7)', () => {
  const offline = { trust: new TrustStore([]) };
  it.each(rows())('$file → integrity $integrity', async (row) => {
    const content = row.content && row.content !== '-' ? join(CORPUS, row.content) : undefined;
    const r = await verifyFile(join(CORPUS, row.file), { ...offline, content });
    if (row.integrity === 'error') {
      expect(r.error?.code).toMatch(/^[A-Z_]+$/);
      return;
    }
    expect(r.error).toBeNull();
    const sigs = all(r.signatures);
    expect(sigs.length).toBeGreaterThan(0);
    const verdict = sigs.every((s) => s.integrity === 'valid') ? 'valid' : 'invalid';
    if (row.integrity !== 'any') expect(verdict).toBe(row.integrity);
  });

  it('the quirks are reported: DER re-sort, counter-signature of a counter-signature, SKI-free lookups', async () => {
    const reordered = await verifyFile(join(CORPUS, 'dss-cades-BER_reordered_prova.txt.p7m'), offline);
    expect(reordered.signatures[0]?.messages.join(' ')).toMatch(/DER/);
    const ins = await verifyFile(join(CORPUS, 'dss-plugtest-C-IT_INS-1.p7m'), offline);
    expect(ins.signatures[0]?.counterSignatures[0]?.counterSignatures[0]?.integrity).toBe('valid');
  });
});
