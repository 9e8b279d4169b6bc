/**
 * Issue 18, signature fields after signing: a signature field of the signed revision that is not being signed
 * now is settled (pyHanko's SigFieldModificationRule: only /Ff may change). On a form signed twice by Sigillo,
 * the first signature's widget given a new or changed /AP (invisible and visible), a page-covering /Rect, a new
 * /MK, /F hiding it, its /V replaced, the field dropped from /Fields or the widget from /Annots: each is refused
 * and named (kind, page, field, rule), never passed silently; /F lock bits and /Ff stay allowed. poppler's
 * rendering shows that the visible cases do change the page.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { name, PdfDict, PdfRef, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { standardAppearanceFont } from '../../electron/core/pdf/appearance-fonts';
import { appearanceFor } from '../../electron/core/pdf/visible-options';
import type { ChangeItem } from '../../electron/core/pdf/diff/analyse';
import { modifiedVerdict } from '../support/dss-corpus';
import { appendUpdate, qpdfCheck, str } from './support/append-update';
import { formPdf } from './support/form-pdf';
import { fileSigner, signFile } from './support/signers';
import {
  changeField,
  drawing,
  fieldNamed,
  modsAfter,
  renderPage1,
  revisionCount,
} from './support/signed-fields';

const fx = inject('fixture');
const trust = new TrustStore([]);

const refusedFor = (items: ChangeItem[], field: string) =>
  items.filter((i) => !i.allowed && i.name === field);

describe('an already-signed signature field changed after signing', () => {
  let dir: string;
  let twice: string;
  let visible: string;
  const out = (f: string) => join(dir, f);

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-signed-field-'));
    // two invisible signatures (Rect [0 0 0 0]) on a one-page form: revisions 3 and 4
    const one = await signFile(fx.pki, formPdf(dir, 'form'), out('one.pdf'));
    twice = await signFile(fx.pki, one, out('twice.pdf'));
    // a visible first signature, then an invisible second one
    const fonts = {
      regular: standardAppearanceFont('Helvetica'),
      bold: standardAppearanceFont('Helvetica-Bold'),
    };
    const s = fileSigner(fx.pki);
    const vis = await signFile(fx.pki, formPdf(dir, 'vform'), out('vis-one.pdf'), {
      visible: { page: 1, x: 300, y: 60, width: 200, height: 60 },
      appearance: appearanceFor(s.certificate, { fonts }),
    });
    visible = await signFile(fx.pki, vis, out('vis-twice.pdf'));
  });

  /** every signature's report: integrity valid, the change refused (TOTAL_FAILED) and named for `field` */
  async function refusedForAll(f: string, field: string, kind: string, rule: string): Promise<ChangeItem[]> {
    expect(qpdfCheck(f)).toBe(0);
    const r = await verifyPdf(f, { trust });
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid']);
    const all: ChangeItem[] = [];
    for (const s of r.signatures) {
      expect(s.modifications?.allowed, JSON.stringify(s.modifications?.items)).toBe(false);
      expect(s.indication).toBe('TOTAL_FAILED');
      const mine = refusedFor(s.modifications!.items, field);
      expect(mine, JSON.stringify(s.modifications!.items)).toContainEqual(
        expect.objectContaining({ kind, rule, page: 1 }),
      );
      all.push(...mine);
    }
    expect(modifiedVerdict(r)).toBe('yes');
    return all;
  }

  it('the invisible first signature widget given an /AP after both signatures: refused for both', async () => {
    const f = changeField(twice, out('invisible-ap.pdf'), 'Signature1', (d, n) => [
      d.set('AP', new PdfDict().set('N', ref(n))),
      [n, drawing('Pagato')],
    ]);
    const items = await refusedForAll(f, 'Signature1', 'appearance', 'signed-field');
    expect(items[0]!.reason.en).toBe('signature field "Signature1", already signed: /AP changed');
    expect(items[0]!.reason.it).toBe('campo firma «Signature1», già firmato: /AP modificato');
  });

  it('a visible signature given a new /AP dictionary, or its stream overwritten in place: refused', async () => {
    const fresh = changeField(visible, out('visible-ap.pdf'), 'Signature1', (d, n) => [
      d.set('AP', new PdfDict().set('N', ref(n))),
      [n, drawing('Firmato da BIANCHI')],
    ]);
    await refusedForAll(fresh, 'Signature1', 'appearance', 'signed-field');
    expect(renderPage1(fresh).equals(renderPage1(visible))).toBe(false);
    // the stream the signed /AP /N points at, redefined: refused by that stream's own role
    const inPlace = appendUpdate(visible, out('visible-ap-in-place.pdf'), (r) => {
      const ap = r.latest.dict(fieldNamed(r, 'Signature1').dict.get('AP'))!.get('N') as PdfRef;
      return [[ap.num, drawing('Firmato da BIANCHI')]];
    });
    const r = await verifyPdf(inPlace, { trust });
    for (const s of r.signatures) {
      expect(s.modifications?.allowed).toBe(false);
      expect(s.modifications!.items).toContainEqual(
        expect.objectContaining({ kind: 'appearance', rule: 'appearance', allowed: false, page: 1 }),
      );
    }
    expect(renderPage1(inPlace).equals(renderPage1(visible))).toBe(false);
  });

  it('/Rect [0 0 0 0] made page-covering, with an /AP that draws text: refused, /Rect and /AP named', async () => {
    const f = changeField(twice, out('rect.pdf'), 'Signature1', (d, n) => [
      d.set('Rect', [0, 0, 612, 792]).set('AP', new PdfDict().set('N', ref(n))),
      [n, drawing('ANNULLATO', 612, 792)],
    ]);
    const items = await refusedForAll(f, 'Signature1', 'appearance', 'signed-field');
    const keys = items.map((i) => i.reason.en.replace(/.*: \/(\w+) changed$/, '$1'));
    expect(new Set(keys)).toEqual(new Set(['Rect', 'AP']));
    // poppler shows it: the page is covered
    expect(renderPage1(f).equals(renderPage1(twice))).toBe(false);
  });

  it('/MK (appearance characteristics) given to the signed widget: refused', async () => {
    const f = changeField(twice, out('mk.pdf'), 'Signature1', (d) => [
      d.set('MK', new PdfDict().set('BG', [1, 0, 0]).set('CA', str('Annullata'))),
    ]);
    await refusedForAll(f, 'Signature1', 'appearance', 'signed-field');
  });

  it('/V replaced by another signature dictionary: refused as a replaced signature', () => {
    const f = changeField(twice, out('v.pdf'), 'Signature1', (d, n) => [
      d.set('V', ref(n)),
      [
        n,
        new PdfDict()
          .set('Type', name('Sig'))
          .set('Filter', name('Adobe.PPKLite'))
          .set('SubFilter', name('ETSI.CAdES.detached'))
          .set('ByteRange', [0, 10, 20, 10])
          .set('Contents', str('x')),
      ],
    ]);
    expect(qpdfCheck(f)).toBe(0);
    // judged at both signed revisions (3 and 4): the verifier now reads another value in Signature1
    for (const rev of [3, 4]) {
      const m = modsAfter(f, rev);
      expect(m.allowed).toBe(false);
      expect(m.items).toContainEqual(
        expect.objectContaining({
          kind: 'signature-replaced',
          rule: 'signature-field',
          name: 'Signature1',
          allowed: false,
        }),
      );
    }
  });

  it('the signed field dropped from /AcroForm /Fields, or its widget from the page /Annots: refused', async () => {
    const noField = appendUpdate(twice, out('no-field.pdf'), (r) => {
      const formRef = r.catalog().get('AcroForm');
      const form = r.latest.dict(formRef)!.clone();
      const sig = fieldNamed(r, 'Signature1').num;
      form.set(
        'Fields',
        (form.get('Fields') as PdfValue[]).filter((x) => !(x instanceof PdfRef && x.num === sig)),
      );
      return formRef instanceof PdfRef
        ? [[formRef.num, form]]
        : [[1, r.catalog().clone().set('AcroForm', form)]];
    });
    const noAnnot = appendUpdate(twice, out('no-annot.pdf'), (r) => {
      const sig = fieldNamed(r, 'Signature1').num;
      const page = (r.latest.get(4) as PdfDict).clone();
      page.set(
        'Annots',
        (page.get('Annots') as PdfValue[]).filter((x) => !(x instanceof PdfRef && x.num === sig)),
      );
      return [[4, page]];
    });
    for (const [f, page] of [
      [noField, null],
      [noAnnot, 1],
    ] as const) {
      expect(qpdfCheck(f)).toBe(0);
      for (const rev of [3, 4]) {
        const m = modsAfter(f, rev);
        expect(m.allowed).toBe(false);
        expect(m.items).toContainEqual(
          expect.objectContaining({ rule: 'list', allowed: false, page, reason: expect.anything() }),
        );
        expect(m.items.find((i) => i.rule === 'list')!.reason.en).toBe('annotations or fields removed');
      }
    }
  });

  it('/F: lock bits added (as Adobe Sign does) allowed and reported; the visible signature hidden: refused', async () => {
    let flags = 0;
    const locked = changeField(visible, out('locked.pdf'), 'Signature1', (d) => {
      flags = d.get('F') as number;
      return [d.set('F', flags | 64 | 128)];
    });
    expect(flags & 2).toBe(0);
    for (const rev of [revisionCount(visible) - 1, revisionCount(visible)]) {
      const m = modsAfter(locked, rev);
      expect(m.allowed, JSON.stringify(m.items)).toBe(true);
      expect(m.items).toContainEqual(
        expect.objectContaining({
          kind: 'signature',
          rule: 'signed-field',
          allowed: true,
          name: 'Signature1',
          page: 1,
          reason: expect.objectContaining({
            en: `signature field "Signature1" locked (flags ${flags} → ${flags | 192})`,
          }),
        }),
      );
    }
    const hidden = changeField(visible, out('hidden.pdf'), 'Signature1', (d) => [d.set('F', flags | 2)]);
    await refusedForAll(hidden, 'Signature1', 'appearance', 'signed-field');
    expect(renderPage1(hidden).equals(renderPage1(visible))).toBe(false);
    // a flags value beyond 32 bits is not read as its low bits
    const huge = changeField(visible, out('huge-flags.pdf'), 'Signature1', (d) => [
      d.set('F', flags + 2 ** 32),
    ]);
    expect(modsAfter(huge, revisionCount(visible)).allowed).toBe(false);
  });

  it('only /Ff changed on the signed field (pyHanko: always modifiable): allowed, nothing refused', () => {
    const f = changeField(twice, out('ff.pdf'), 'Signature1', (d) => [d.set('Ff', 1)]);
    for (const rev of [3, 4]) {
      const m = modsAfter(f, rev);
      expect(m.allowed, JSON.stringify(m.items)).toBe(true);
      expect(m.items.filter((i) => !i.allowed)).toEqual([]);
    }
  });
});
