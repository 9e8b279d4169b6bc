/**
 * The last net under the reader's bounds: a RangeError that still escapes while a PDF is read (call stack, array
 * size) is reported with a PDF code, never as INTERNAL. The reader is made to throw one here.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it, vi } from 'vitest';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { writeHandwritten } from './support/make-pdf';

const thrown = vi.hoisted(() => ({ error: new RangeError('x') as Error }));
vi.mock('../../electron/core/pdf/pdf-signatures', () => ({
  findSignatures: () => {
    throw thrown.error;
  },
}));

const fx = inject('fixture');

describe('verifyPdf: RangeError net', () => {
  it.each([
    ['Maximum call stack size exceeded', 'PDF_NESTING_TOO_DEEP'],
    ['Invalid array length', 'PDF_OBJECT_TOO_LARGE'],
  ])('%s → %s', async (message, code) => {
    thrown.error = new RangeError(message);
    const f = writeHandwritten(join(mkdtempSync(join(fx.root, 'pdf-range-')), 'a.pdf'));
    await expect(verifyPdf(f, { trust: new TrustStore([]) })).rejects.toMatchObject({ code });
  });

  it('other errors pass through unchanged', async () => {
    thrown.error = new TypeError('not a range error');
    const f = writeHandwritten(join(mkdtempSync(join(fx.root, 'pdf-range-')), 'b.pdf'));
    await expect(verifyPdf(f, { trust: new TrustStore([]) })).rejects.toBeInstanceOf(TypeError);
  });
});
