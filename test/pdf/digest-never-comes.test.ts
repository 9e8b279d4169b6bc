/**
 * Range digests that never come (the shared hashing failed, or a signature's ranges did not fit it): the PDF
 * signature checked meanwhile is thrown away and checked again the plain way (verify-pdf-cms.ts), so the check
 * made meanwhile must not hash the ranges itself — one read of them, as before the checks overlapped the hashing.
 * Its report stays the plain way's.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';
import * as byteRangeHash from '../../electron/core/pdf/byte-range-hash';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { findSignatures } from '../../electron/core/pdf/pdf-signatures';
import { checkByteRange } from '../../electron/core/pdf/byte-range-check';
import { verifyPdfCms } from '../../electron/core/pdf/verify-pdf-cms';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { handwrittenPdf } from './support/make-pdf';
import { signFile } from './support/signers';

vi.mock('../../electron/core/pdf/byte-range-hash', async (original) => {
  const m = await original<typeof import('../../electron/core/pdf/byte-range-hash')>();
  return { ...m, hashRanges: vi.fn(m.hashRanges) };
});

const fx = inject('fixture');
const stable = (r: unknown) => JSON.stringify(r).replace(/"(checkedAt|validationTime|now)":"[^"]*"/g, '');

describe('range digests that never come', () => {
  let pdf: string;
  beforeAll(async () => {
    const dir = mkdtempSync(join(fx.root, 'digest-never-'));
    writeFileSync(join(dir, 'doc.pdf'), handwrittenPdf({ pages: 2 }));
    pdf = await signFile(fx.pki, join(dir, 'doc.pdf'), join(dir, 'doc-signed.pdf'));
  });

  it('the ranges are read once, by the plain check, and its report is given', async () => {
    const reader = PdfReader.open(pdf);
    try {
      const [sig] = findSignatures(reader);
      const ranges = checkByteRange(sig!, reader.src, reader.sections).ranges;
      const ctx = { trust: new TrustStore([]), now: new Date() };
      const run = (d?: Parameters<typeof verifyPdfCms>[5]) =>
        verifyPdfCms(pdf, sig!.subFilter, sig!.contents, ranges, ctx, d).then(stable);
      const hashRanges = vi.mocked(byteRangeHash.hashRanges);
      hashRanges.mockClear();
      const plain = await run(undefined);
      const plainReads = hashRanges.mock.calls.length;
      expect(plainReads).toBe(1);
      for (const never of [Promise.resolve(undefined), Promise.reject(new Error('hashing failed'))]) {
        hashRanges.mockClear();
        expect(await run(never)).toBe(plain);
        expect(hashRanges.mock.calls.length).toBe(plainReads);
      }
    } finally {
      reader.close();
    }
  });
});
