/**
 * Issue 18, signature fields signed by hand (openssl cms over the byte ranges, so that the signed revision can
 * hold shapes Sigillo never writes): a widget signed hidden and shown later, a field whose widget is in an
 * indirect /Kids — the widget given an appearance, a second widget added. Each refused, named, and visible in
 * poppler's rendering.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { name, PdfDict, ref } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { appendUpdate, qpdfCheck } from './support/append-update';
import { pdfWithCms } from './support/cms-pdf';
import { drawing, renderPage1 } from './support/signed-fields';

const fx = inject('fixture');
const trust = new TrustStore([]);

describe('signature fields signed by hand (openssl cms): a hidden widget, a widget in /Kids', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-hand-signed-'));
  });

  /** a one-page PDF signed by openssl cms over its byte ranges, with this signature field shape */
  function handSigned(file: string, shape: Parameters<typeof pdfWithCms>[3]): string {
    return pdfWithCms(
      join(dir, file),
      'ETSI.CAdES.detached',
      (data) => {
        const input = join(dir, `${file}.ranges`);
        writeFileSync(input, data);
        return opensslCmsSign({
          input,
          out: `${input}.p7s`,
          signer: fx.pki.signature,
          certfile: fx.pki.caPem,
          flags: [],
        });
      },
      shape,
    );
  }

  /** the single signature of `f`: integrity valid, refused (TOTAL_FAILED) with an item like `item` */
  async function refused(f: string, item: Record<string, unknown>): Promise<void> {
    expect(qpdfCheck(f)).toBe(0);
    const s = (await verifyPdf(f, { trust })).signatures[0]!;
    expect(s.integrity).toBe('valid');
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.modifications!.items).toContainEqual(expect.objectContaining({ allowed: false, ...item }));
  }

  it('/F from hidden to shown reveals an appearance over the page: refused, /F named', async () => {
    // signed with its widget hidden (/F 2|4): an appearance was there, not shown
    const signed = handSigned('hidden.pdf', {
      widget:
        '<< /Type /Annot /Subtype /Widget /FT /Sig /T (Firma1) /Rect [10 10 190 190] /P 3 0 R /V 5 0 R /F 6 /AP << /N 6 0 R >> >>',
      extra: [
        '<< /Type /XObject /Subtype /Form /BBox [0 0 180 180] /Length 25 >>\nstream\n0 0 0 rg 0 0 180 180 re f\nendstream',
      ],
    });
    const before = (await verifyPdf(signed, { trust })).signatures[0]!;
    expect(before.integrity).toBe('valid');
    expect(before.modifications).toBeNull();
    const shown = appendUpdate(signed, join(dir, 'shown.pdf'), (r) => [
      [4, (r.latest.get(4) as PdfDict).clone().set('F', 4)],
    ]);
    expect(renderPage1(shown).equals(renderPage1(signed))).toBe(false);
    await refused(shown, {
      kind: 'appearance',
      rule: 'signed-field',
      name: 'Firma1',
      page: 1,
      object: 4,
      reason: expect.objectContaining({ en: 'signature field "Firma1", already signed: /F changed' }),
    });
  });

  it('a signed field with its widget in an indirect /Kids: the widget changed, or a widget added: refused', async () => {
    // field 4 (value 5, /Kids 7 = [6]), widget 6 on the page, invisible
    const signed = handSigned('kids.pdf', {
      widget: '<< /FT /Sig /T (Firma1) /V 5 0 R /Kids 7 0 R >>',
      extra: ['<< /Type /Annot /Subtype /Widget /Parent 4 0 R /Rect [0 0 0 0] /P 3 0 R /F 132 >>', '[6 0 R]'],
      annots: '6 0 R',
    });
    expect((await verifyPdf(signed, { trust })).signatures[0]!.integrity).toBe('valid');
    const widgetAp = appendUpdate(signed, join(dir, 'kid-ap.pdf'), (r, n) => [
      [n, drawing('Pagato', 180, 180)],
      [
        6,
        (r.latest.get(6) as PdfDict)
          .clone()
          .set('Rect', [10, 10, 190, 190])
          .set('AP', new PdfDict().set('N', ref(n))),
      ],
    ]);
    expect(renderPage1(widgetAp).equals(renderPage1(signed))).toBe(false);
    await refused(widgetAp, { kind: 'appearance', rule: 'signed-field', name: 'Firma1', object: 6, page: 1 });
    // a second widget for the signed field, listed in its /Kids and on the page, drawing text
    const added = appendUpdate(signed, join(dir, 'kid-added.pdf'), (r, n) => [
      [n, drawing('Pagato', 180, 180)],
      [
        n + 1,
        new PdfDict()
          .set('Type', name('Annot'))
          .set('Subtype', name('Widget'))
          .set('Parent', ref(4))
          .set('Rect', [10, 10, 190, 190])
          .set('P', ref(3))
          .set('F', 4)
          .set('AP', new PdfDict().set('N', ref(n))),
      ],
      [7, [ref(6), ref(n + 1)]],
      [3, (r.latest.get(3) as PdfDict).clone().set('Annots', [ref(6), ref(n + 1)])],
    ]);
    expect(renderPage1(added).equals(renderPage1(signed))).toBe(false);
    await refused(added, {
      kind: 'appearance',
      rule: 'signed-field',
      name: 'Firma1',
      reason: expect.objectContaining({ en: 'widget added to signature field "Firma1", already signed' }),
    });
  });
});
