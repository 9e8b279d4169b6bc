/**
 * A copy of a signed signature dictionary in a new field (ISO 32000-1 §12.7.4.5, §12.8.1: a signature dictionary
 * belongs to the field that held it in the revision it signs). After signing, an update adds a visible field
 * "Signature2" whose /V repeats the signature dictionary — same /ByteRange and /Contents, plus a /Reason —
 * inline or as a new object, drawn "Firmato: MARIO ROSSI - approvo 900 EUR". Its CMS verifies over the signed
 * revision, where no field "Signature2" holds it: it is no signature of this document (never TOTAL_PASSED), the
 * first signature's analysis refuses the new field (signature-spoofing), and one /Contents never counts as two
 * valid signatures. A real second signature stays valid.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { findSignatures } from '../../electron/core/pdf/pdf-signatures';
import { name, PdfDict, PdfRef, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { noAnswer, type RevocationChecker } from '../../electron/core/revocation/revocation-checker';
import { readTrustFile } from '../../electron/core/trust/trust-file';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { appendUpdate, str, withAnnotation } from './support/append-update';
import { writeHandwritten } from './support/make-pdf';
import { pdfWithCms } from './support/cms-pdf';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { drawing } from './support/signed-fields';
import { signFile } from './support/signers';

const fx = inject('fixture');
const good: RevocationChecker = { check: async () => ({ ...noAnswer('unknown', ''), status: 'good' }) };
const NOT_OURS = /is not a signature of this document/;

/** the catalog (object 1) with `n` appended to its /AcroForm /Fields (direct or indirect form) */
function withField(r: PdfReader, n: number): [number, PdfValue][] {
  const catalog = r.latest.get(1) as PdfDict;
  const formRef = catalog.get('AcroForm');
  const form = r.latest.dict(formRef)!.clone();
  form.set('Fields', [...((r.latest.resolve(form.get('Fields')) as PdfValue[]) ?? []), ref(n)]);
  if (formRef instanceof PdfRef) return [[formRef.num, form]];
  return [[1, catalog.clone().set('AcroForm', form)]];
}

interface Copy {
  /** the copy written inline in the field (else as a new object) */
  inline?: boolean;
  /** the new field's /T */
  t?: string;
}

/** appends the new visible field whose /V copies the signed dictionary */
function addCopy(input: string, output: string, copy: Copy): string {
  return appendUpdate(input, output, (r, n) => {
    const signed = findSignatures(r)[0]!;
    const dict = signed.dict.clone().set('Reason', str('Approvo il pagamento di 900 EUR'));
    const widget = new PdfDict()
      .set('Type', name('Annot'))
      .set('Subtype', name('Widget'))
      .set('FT', name('Sig'))
      .set('T', str(copy.t ?? 'Signature2'))
      .set('V', copy.inline ? dict : ref(n + 2))
      .set('F', 4)
      .set('P', ref(4))
      .set('Rect', [100, 500, 500, 550])
      .set('AP', new PdfDict().set('N', ref(n + 1)));
    const objs: [number, PdfValue][] = [
      [n, widget],
      [n + 1, drawing('Firmato: MARIO ROSSI - approvo 900 EUR', 400, 50)],
      withAnnotation(r, 4, n),
      ...withField(r, n),
    ];
    if (!copy.inline) objs.push([n + 2, dict]);
    return objs;
  });
}

describe('a signed signature dictionary copied into a new field', () => {
  let dir: string;
  let signed: string;
  let trust: TrustStore;
  const verify = (f: string) => verifyPdf(f, { trust, revocation: good });
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-sigdict-copy-'));
    signed = await signFile(fx.pki, writeHandwritten(join(dir, 'a.pdf')), join(dir, 'signed.pdf'));
    trust = new TrustStore(await readTrustFile(fx.pki.rootPem));
  });

  it('control: the signed file alone is TOTAL_PASSED', async () => {
    const r = await verify(signed);
    expect(r.signatures.map((s) => s.indication)).toEqual(['TOTAL_PASSED']);
  });

  for (const inline of [true, false]) {
    it(`the copy ${inline ? 'inline' : 'as a new object'}: no signature of this document, and the first signature refuses the field`, async () => {
      const f = addCopy(signed, join(dir, `copy-${inline}.pdf`), { inline });
      const r = await verify(f);
      expect(r.signatures).toHaveLength(2);
      const first = r.signatures.find((s) => s.fieldName === 'Signature1')!;
      const copy = r.signatures.find((s) => s.fieldName === 'Signature2')!;
      expect(copy.indication).toBe('TOTAL_FAILED');
      expect(copy.subIndication).toBe('FORMAT_FAILURE');
      expect(copy.explanation).toMatch(NOT_OURS);
      // the first signature's analysis: the new field holds a signature of the signed version
      expect(first.indication).not.toBe('TOTAL_PASSED');
      expect(first.modifications?.allowed).toBe(false);
      expect(first.modifications?.items).toContainEqual(
        expect.objectContaining({ rule: 'signature-spoofing', name: 'Signature2', allowed: false }),
      );
      expect(r.signatures.filter((s) => s.indication === 'TOTAL_PASSED')).toHaveLength(0);
    });
  }

  it('the copy in a second field of the same name: one /Contents counts as one signature', async () => {
    const f = addCopy(signed, join(dir, 'copy-same-name.pdf'), { t: 'Signature1' });
    const r = await verify(f);
    expect(r.signatures).toHaveLength(2);
    expect(r.signatures.filter((s) => s.indication === 'TOTAL_PASSED')).toHaveLength(0);
    expect(r.signatures.some((s) => /a signature counts only once/.test(s.explanation))).toBe(true);
  });

  it("control: a signature dictionary its signer wrote inline in the field is the field's own", async () => {
    const sigDict =
      '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange [0 ########## ########## ##########] /Contents <' +
      '0'.repeat(2 * 16384) +
      '> >>';
    const f = pdfWithCms(
      join(dir, 'inline-own.pdf'),
      'ETSI.CAdES.detached',
      (data) => {
        const input = join(dir, 'inline-own.bin');
        writeFileSync(input, data);
        return opensslCmsSign({
          input,
          out: `${input}.p7m`,
          signer: fx.pki.signature,
          certfile: fx.pki.caPem,
          flags: [],
        });
      },
      {
        widget: `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Firma1) /Rect [0 0 0 0] /P 3 0 R /V ${sigDict} /F 132 >>`,
      },
    );
    const r = await verify(f);
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0]!;
    expect(s.fieldName).toBe('Firma1');
    expect(s.integrity).toBe('valid');
    expect(s.subIndication).not.toBe('FORMAT_FAILURE');
    expect(s.explanation).not.toMatch(NOT_OURS);
  });

  it('control: a real second signature keeps both valid', async () => {
    const twice = await signFile(fx.pki, signed, join(dir, 'twice.pdf'));
    const r = await verify(twice);
    expect(r.signatures.map((s) => [s.fieldName, s.indication])).toEqual([
      ['Signature1', 'TOTAL_PASSED'],
      ['Signature2', 'TOTAL_PASSED'],
    ]);
  });
});
