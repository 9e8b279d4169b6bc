/**
 * Issue 18, what stays allowed around signature fields: an empty signature field of the signed revision signed
 * for real later (a later signature), a new signature field, a DSS and a document timestamp — while the same
 * empty field given an appearance without being signed is refused (pyHanko: only signing may change it).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { name, PdfDict, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { standardAppearanceFont } from '../../electron/core/pdf/appearance-fonts';
import { appearanceFor } from '../../electron/core/pdf/visible-options';
import { modifiedVerdict } from '../support/dss-corpus';
import { appendUpdate, contentStream, str } from './support/append-update';
import { formPdf } from './support/form-pdf';
import { fileSigner, signFile } from './support/signers';
import { changeField, drawing, modsAfter, revisionCount } from './support/signed-fields';

const fx = inject('fixture');
const trust = new TrustStore([]);

describe('signature fields that stay allowed after a signature', () => {
  let dir: string;
  let signed: string;
  const out = (f: string) => join(dir, f);

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-sig-allowed-'));
    // a form with an empty visible signature field "Firma", then signed in a new field
    const withEmpty = appendUpdate(formPdf(dir, 'form'), out('empty-field.pdf'), (r, n) => {
      const form = r.latest.dict(r.catalog().get('AcroForm'))!.clone();
      const empty = new PdfDict()
        .set('Type', name('Annot'))
        .set('Subtype', name('Widget'))
        .set('FT', name('Sig'))
        .set('T', str('Firma'))
        .set('Rect', [300, 60, 500, 120])
        .set('F', 4)
        .set('P', ref(4));
      form.set('Fields', [...(form.get('Fields') as PdfValue[]), ref(n)]);
      const page = (r.latest.get(4) as PdfDict).clone();
      page.set('Annots', [...(page.get('Annots') as PdfValue[]), ref(n)]);
      return [
        [n, empty],
        [4, page],
        [1, r.catalog().clone().set('AcroForm', form)],
      ];
    });
    signed = await signFile(fx.pki, withEmpty, out('signed.pdf'));
  });

  it('the empty field of the signed revision given an appearance without being signed: refused', () => {
    const f = changeField(signed, out('empty-ap.pdf'), 'Firma', (d, n) => [
      d.set('AP', new PdfDict().set('N', ref(n))),
      [n, drawing('Firmato da ROSSI')],
    ]);
    const m = modsAfter(f, revisionCount(signed));
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({
        kind: 'appearance',
        rule: 'signed-field',
        name: 'Firma',
        page: 1,
        reason: expect.objectContaining({
          en: 'empty signature field "Firma": /AP changed without signing it',
        }),
      }),
    );
  });

  it('the empty field signed for real (value and appearance): allowed as a later signature', async () => {
    const s = fileSigner(fx.pki);
    const fonts = {
      regular: standardAppearanceFont('Helvetica'),
      bold: standardAppearanceFont('Helvetica-Bold'),
    };
    const f = await signFile(fx.pki, signed, out('empty-signed.pdf'), {
      field: 'Firma',
      appearance: appearanceFor(s.certificate, { fonts }),
    });
    const r = await verifyPdf(f, { trust });
    expect(r.signatures.map((x) => x.integrity)).toEqual(['valid', 'valid']);
    const m = r.signatures[0]!.modifications!;
    expect(m.allowed, JSON.stringify(m.items)).toBe(true);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'signature', allowed: true, name: 'Firma', rule: 'signature-field' }),
    );
    expect(modifiedVerdict(r)).toBe('no');
  });

  it('a new signature field, a DSS and a document timestamp after it: allowed and reported as before', async () => {
    const second = await signFile(fx.pki, signed, out('second.pdf'));
    const withDss = appendUpdate(second, out('dss.pdf'), (r, n) => [
      [n, contentStream('certificate bytes')],
      [n + 1, new PdfDict().set('Type', name('DSS')).set('Certs', [ref(n)])],
      [
        1,
        r
          .catalog()
          .clone()
          .set('DSS', ref(n + 1)),
      ],
    ]);
    const stamped = await signFile(fx.pki, withDss, out('stamped.pdf'), {
      documentTimestamp: async () => new Uint8Array(64).fill(0x30),
    });
    const m = modsAfter(stamped, revisionCount(signed));
    expect(m.allowed, JSON.stringify(m.items)).toBe(true);
    expect(m.allowedChanges).toEqual(['dss', 'signature', 'timestamp']);
    expect(m.items.map((i) => i.reason.en)).toEqual(
      expect.arrayContaining([
        'signature added in field "Signature2"',
        'DSS added or updated',
        'document timestamp added',
      ]),
    );
  });
});
