/**
 * A spoofing update (DSS pdf-spoofing-attack): after signing, an incremental update points the signature field
 * at a copy of the signature dictionary (same /ByteRange and /Contents) written outside the signed bytes. The
 * CMS still signs the original revision, whose own dictionary holds the gap: integrity is valid, and the update is
 * a change after signing (never a whole-document valid signature). A gap inside no signature dictionary stays a
 * format failure.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { buildIncrement } from '../../electron/core/pdf/incremental-writer';
import { findSignatures } from '../../electron/core/pdf/pdf-signatures';
import { PdfDict, PdfRef, ref } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { writeHandwritten } from './support/make-pdf';
import { signFile } from './support/signers';

const fx = inject('fixture');

describe('signature dictionary copied by a later update', () => {
  let dir: string;
  let signed: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-spoof-'));
    signed = await signFile(fx.pki, writeHandwritten(join(dir, 'a.pdf')), join(dir, 'signed.pdf'));
  });

  /** appends an update: the field's /V → a copy of the signature dictionary, `edit` applied to the copy */
  function spoof(out: string, edit: (d: PdfDict) => void = () => {}): string {
    const r = PdfReader.open(signed);
    try {
      const sig = findSignatures(r)[0]!;
      const fields = r.latest.resolve(r.latest.dict(r.catalog().get('AcroForm'))!.get('Fields'));
      const fieldRef = (fields as PdfRef[])[0]!;
      const copyNum = Math.max(...r.latest.entries.keys()) + 1;
      const copy = sig.dict.clone();
      edit(copy);
      const widget = r.latest.dict(fieldRef)!.clone().set('V', ref(copyNum));
      const inc = buildIncrement(r, [
        { num: copyNum, gen: 0, value: copy },
        { num: fieldRef.num, gen: 0, value: widget },
      ]);
      writeFileSync(out, Buffer.concat([readFileSync(signed), inc.bytes]));
    } finally {
      r.close();
    }
    return out;
  }

  it('the copy: integrity valid (the signed revision holds the gap), but not a whole-document signature', async () => {
    const rep = await verifyPdf(spoof(join(dir, 'spoofed.pdf')), { trust: new TrustStore([]) });
    const s = rep.signatures[0]!;
    expect(s.integrity).toBe('valid');
    expect(s.revision).toBe(2);
    expect(s.coversWholeDocument).toBe(false);
    expect(s.modifications).not.toBeNull();
    expect(s.indication).not.toBe('TOTAL_PASSED');
  });

  it('a copy whose /ByteRange names a gap in no signature dictionary stays a format failure', async () => {
    const src = readFileSync(signed);
    // the gap moved to the start of the file: no dictionary of the signed revision holds it
    const rep = await verifyPdf(
      spoof(join(dir, 'moved.pdf'), (d) => d.set('ByteRange', [0, 9, 20, src.length - 20])),
      { trust: new TrustStore([]) },
    );
    expect(rep.signatures[0]!.integrity).toBe('invalid');
    expect(rep.signatures[0]!.subIndication).toBe('FORMAT_FAILURE');
  });
});
