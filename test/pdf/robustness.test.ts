/** Damaged input never crashes or hangs the PDF code: a SigilloError or a report, nothing else. */
import fc from 'fast-check';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { signPades } from '../../electron/core/sign/pades-sign';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { buildIncrement } from '../../electron/core/pdf/incremental-writer';
import { name, PdfDict, ref } from '../../electron/core/pdf/pdf-objects';
import { withObjectStreams, writeHandwritten } from './support/make-pdf';
import { fileSigner } from './support/signers';

const fx = inject('fixture');

/** a handwritten PDF certified with DocMDP P=`p` (a signature dictionary whose /Reference says so) */
function certifiedPdf(dir: string, p: number): string {
  const input = writeHandwritten(join(dir, `cert-p${p}.pdf`));
  const certified = join(dir, `certified-p${p}.pdf`);
  const reader = PdfReader.open(input);
  try {
    const sig = new PdfDict()
      .set('Type', name('Sig'))
      .set('Reference', [
        new PdfDict()
          .set('TransformMethod', name('DocMDP'))
          .set('TransformParams', new PdfDict().set('P', p).set('V', name('1.2'))),
      ]);
    const catalog = (reader.latest.get(1) as PdfDict)
      .clone()
      .set('Perms', new PdfDict().set('DocMDP', ref(10)));
    const inc = buildIncrement(reader, [
      { num: 1, gen: 0, value: catalog },
      { num: 10, gen: 0, value: sig },
    ]);
    writeFileSync(certified, Buffer.concat([readFileSync(input), inc.bytes]));
  } finally {
    reader.close();
  }
  return certified;
}

describe('PDF robustness', () => {
  let dir: string;
  let signed: Buffer;
  let signedOs: Buffer;

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-robust-'));
    const a = join(dir, 'a-signed.pdf');
    await signPades({
      input: writeHandwritten(join(dir, 'a.pdf')),
      output: a,
      overwrite: false,
      digest: 'sha256',
      signer: fileSigner(fx.pki),
    });
    signed = readFileSync(a);
    const b = join(dir, 'b-signed.pdf');
    const os = withObjectStreams(writeHandwritten(join(dir, 'b0.pdf')), join(dir, 'b.pdf'));
    await signPades({ input: os, output: b, overwrite: false, digest: 'sha256', signer: fileSigner(fx.pki) });
    signedOs = readFileSync(b);
  });

  async function survives(bytes: Buffer, i: number): Promise<void> {
    const f = join(dir, `m${i}.pdf`);
    writeFileSync(f, bytes);
    try {
      const r = await verifyPdf(f, { trust: new TrustStore([]) });
      for (const s of r.signatures) expect(['valid', 'invalid']).toContain(s.integrity);
    } catch (e) {
      expect(e, String(e)).toBeInstanceOf(SigilloError);
    }
  }

  it('verification survives random byte changes and truncation', async () => {
    let i = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.boolean(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (useOs, edits, cut) => {
          const base = Buffer.from(useOs ? signedOs : signed);
          for (const [pos, v] of edits) base[pos % base.length] = v;
          const bytes = cut === undefined ? base : base.subarray(0, cut % base.length);
          await survives(bytes, i++);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a changed signed byte is always caught', async () => {
    // flip one byte in the first signed range (outside the /Contents gap): integrity must fail or the file be rejected
    const gapStart = signed.indexOf('/Contents <') + 10;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: gapStart - 1 }), async (pos) => {
        const bytes = Buffer.from(signed);
        bytes[pos] = bytes[pos]! ^ 0x01;
        const f = join(dir, 'flip.pdf');
        writeFileSync(f, bytes);
        try {
          const r = await verifyPdf(f, { trust: new TrustStore([]) });
          expect(r.signatures.some((s) => s.integrity === 'invalid')).toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(SigilloError);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('refuses to sign a PDF certified with DocMDP P=1', async () => {
    const certified = certifiedPdf(dir, 1);
    await expect(
      signPades({
        input: certified,
        output: join(dir, 'no.pdf'),
        overwrite: false,
        digest: 'sha256',
        signer: fileSigner(fx.pki),
      }),
    ).rejects.toMatchObject({ code: 'PDF_CERTIFIED_NO_CHANGES' });
  });

  it('certified with P=2: a new visible signature is refused before signing, an invisible one is made', async () => {
    const certified = certifiedPdf(dir, 2);
    const sign = (
      output: string,
      visible?: { page: number; x: number; y: number; width: number; height: number },
    ) =>
      signPades({
        input: certified,
        output,
        overwrite: false,
        digest: 'sha256',
        signer: fileSigner(fx.pki),
        visible,
      });
    await expect(
      sign(join(dir, 'visible.pdf'), { page: 1, x: 50, y: 50, width: 200, height: 60 }),
    ).rejects.toMatchObject({
      code: 'PDF_CERTIFIED_NO_NEW_VISIBLE',
    });
    expect(existsSync(join(dir, 'visible.pdf'))).toBe(false);
    await sign(join(dir, 'invisible.pdf'));
    expect(existsSync(join(dir, 'invisible.pdf'))).toBe(true);
  });
});
