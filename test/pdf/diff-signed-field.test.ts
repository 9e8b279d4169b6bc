/**
 * Issue 18, signature fields after signing: a signature field of the signed revision that is not being signed
 * now is settled (pyHanko's SigFieldModificationRule: only /Ff may change). Its widget given a new or changed
 * /AP (invisible and visible), a page-covering /Rect, /F from hidden to shown, a new /MK, its /V replaced, the
 * field dropped from /Fields or the widget from /Annots: each is refused and named (kind, page, field, rule),
 * never passed silently. A later signature (in a new field or in an empty one), a DSS, a document timestamp
 * and an /Ff change stay allowed. poppler's rendering shows that the visible cases do change the page.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { name, PdfDict, PdfRef, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { standardAppearanceFont } from '../../electron/core/pdf/appearance-fonts';
import { appearanceFor } from '../../electron/core/pdf/visible-options';
import type { ChangeItem } from '../../electron/core/pdf/diff/analyse';
import { modifiedVerdict } from '../support/dss-corpus';
import { opensslCmsSign } from '../verify/support/openssl-cms';
import { appendUpdate, contentStream, qpdfCheck, str } from './support/append-update';
import { formPdf } from './support/form-pdf';
import { fileSigner, signFile } from './support/signers';
import { pdfWithCms } from './support/cms-pdf';
import { fieldNamed, modsAfter, renderPage1, revisionCount } from './support/signed-fields';

const fx = inject('fixture');
const trust = new TrustStore([]);

/** a form XObject drawing `text` over a box of this size */
function drawing(text: string, w = 200, h = 60) {
  return contentStream(
    `0 0 0 rg 0 0 ${w} ${h} re f 1 1 1 rg BT /Helvetica 14 Tf 4 ${h / 2} Td (${text}) Tj ET`,
    new PdfDict()
      .set('Type', name('XObject'))
      .set('Subtype', name('Form'))
      .set('BBox', [0, 0, w, h])
      .set(
        'Resources',
        new PdfDict().set(
          'Font',
          new PdfDict().set(
            'Helvetica',
            new PdfDict()
              .set('Type', name('Font'))
              .set('Subtype', name('Type1'))
              .set('BaseFont', name('Helvetica')),
          ),
        ),
      ),
  );
}

/** an update of `input` that replaces field `t` by `change(field)` (plus new objects from `n`) */
function changeField(
  input: string,
  output: string,
  t: string,
  change: (d: PdfDict, n: number) => [PdfDict, ...[number, PdfValue][]],
): string {
  return appendUpdate(input, output, (r, n) => {
    const f = fieldNamed(r, t);
    const [d, ...extra] = change(f.dict, n);
    return [[f.num, d], ...extra];
  });
}

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
