/**
 * Signature look-alikes added after a certification: a /FT /Sig widget listed only in a page's /Annots (empty,
 * or with a dummy document timestamp as /V that nothing verifies), an empty signature field of the form under
 * P=1, a /Stamp carrying /FT /Sig — each painting over the certified text. Only a widget of a signature field
 * of the form counts as a signature; the rest are annotations. Also the form keys that redraw every field
 * (/DR, /NeedAppearances), changed silently before.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { name, PdfDict, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { redrawFormUpdate } from './support/form-redraw';
import { appendUpdate, str, withAnnotation } from './support/append-update';
import { formPdf } from './support/form-pdf';
import { drawing, modsAfter } from './support/signed-fields';
import { signFile } from './support/signers';

const fx = inject('fixture');

/** the catalog (object 1) with `n` appended to its direct /AcroForm /Fields */
function withField(r: PdfReader, n: number): [number, PdfValue] {
  const catalog = (r.latest.get(1) as PdfDict).clone();
  const form = (catalog.get('AcroForm') as PdfDict).clone();
  form.set('Fields', [...(form.get('Fields') as PdfValue[]), ref(n)]);
  return [1, catalog.set('AcroForm', form)];
}

interface Fake {
  subtype?: string;
  /** a dummy signature dictionary as /V */
  value?: 'timestamp';
  /** also listed in /AcroForm /Fields */
  inFields?: boolean;
  rect?: number[];
  /** no /FT /Sig: a plain annotation (the control) */
  plain?: boolean;
}

/** appends a /FT /Sig element with an opaque appearance over the page's text to `input` */
function addFake(input: string, output: string, fake: Fake): string {
  return appendUpdate(input, output, (r, n) => {
    const w = new PdfDict()
      .set('Type', name('Annot'))
      .set('Subtype', name(fake.subtype ?? 'Widget'))
      .set('T', str('Firma2'))
      .set('Rect', fake.rect ?? [60, 700, 460, 760])
      .set('F', 4)
      .set('P', ref(4))
      .set('AP', new PdfDict().set('N', ref(n + 1)));
    if (!fake.plain) w.set('FT', name('Sig'));
    const objs: [number, PdfValue][] = [
      [n, w],
      [n + 1, drawing('Importo: 900 EUR', 400, 60)],
      withAnnotation(r, 4, n),
    ];
    if (fake.value) {
      w.set('V', ref(n + 2));
      objs.push([
        n + 2,
        new PdfDict()
          .set('Type', name('DocTimeStamp'))
          .set('Filter', name('Adobe.PPKLite'))
          .set('SubFilter', name('ETSI.RFC3161'))
          .set('ByteRange', [0, 0, 0, 0])
          .set('Contents', str('\0')),
      ]);
    }
    if (fake.inFields) objs.push(withField(r, n));
    return objs;
  });
}

describe('signature look-alikes after a certification', () => {
  let dir: string;
  const certified: Record<string, string> = {};
  const trust = new TrustStore([]);
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-diff-fake-sig-'));
    for (const p of [1, 2, undefined]) certified[String(p)] = formPdf(dir, `p${p}`, p);
  });
  const fake = (p: number | undefined, tag: string, f: Fake) =>
    modsAfter(addFake(certified[String(p)]!, join(dir, `p${p}-${tag}.pdf`), f), 2);

  it('a /FT /Sig widget only in the page /Annots (empty or with a dummy timestamp): an annotation, refused under P=1 and P=2', () => {
    for (const p of [1, 2]) {
      for (const [tag, f] of [
        ['empty', {}],
        ['fake-ts', { value: 'timestamp' }],
      ] as [string, Fake][]) {
        const m = fake(p, tag, f);
        expect(m.allowed, `P=${p} ${tag}`).toBe(false);
        expect(m.allowedChanges).not.toContain('signature');
        expect(m.allowedChanges).not.toContain('timestamp');
        expect(m.items).toContainEqual(
          expect.objectContaining({ kind: 'annotation', rule: 'docmdp', page: 1, allowed: false }),
        );
        expect(m.items[0]!.reason.en).toMatch(/not a widget of a signature field of the form/);
      }
    }
    // no certification: annotations are permitted, but it is reported as one, never as a signature
    const free = fake(undefined, 'fake-ts', { value: 'timestamp' });
    expect(free.allowed).toBe(true);
    expect(free.allowedChanges).toEqual(['annotation']);
  });

  it('the dummy timestamp is neither verified nor listed, and the certified signature is not TOTAL_PASSED', async () => {
    // P=2 (the signer refuses to sign under P=1): a signature, then the fake timestamp
    const signed = await signFile(fx.pki, certified['2']!, join(dir, 'p2-signed.pdf'));
    const f = addFake(signed, join(dir, 'p2-signed-fake-ts.pdf'), { value: 'timestamp' });
    const r = await verifyPdf(f, { trust });
    expect(r.signatures).toHaveLength(1);
    const s = r.signatures[0]!;
    expect(s.modifications?.allowed).toBe(false);
    expect(s.indication).not.toBe('TOTAL_PASSED');
  });

  it('an annotation of another subtype carrying /FT /Sig (/Stamp, /FreeText): an annotation, refused under P=1', () => {
    for (const inFields of [false, true]) {
      for (const subtype of ['Stamp', 'FreeText']) {
        const m = fake(1, `${subtype}-${inFields}`, { subtype, inFields });
        expect(m.allowed).toBe(false);
        expect(m.allowedChanges).not.toContain('signature');
        expect(m.items).toContainEqual(expect.objectContaining({ kind: 'annotation', rule: 'docmdp' }));
      }
    }
  });

  it('an empty signature field of the form: refused under P=1; under P=2 only when visible; allowed without certification', () => {
    const p1 = fake(1, 'empty-field', { inFields: true });
    expect(p1.allowed).toBe(false);
    expect(p1.items).toContainEqual(
      expect.objectContaining({ kind: 'signature', rule: 'docmdp', name: 'Firma2', allowed: false }),
    );
    const p1Invisible = fake(1, 'empty-field-invisible', { inFields: true, rect: [0, 0, 0, 0] });
    expect(p1Invisible.allowed).toBe(false);
    // P=2 permits signing: an invisible empty field (a place to sign) is allowed, a visible one draws over the page
    const p2 = fake(2, 'empty-field', { inFields: true });
    expect(p2.allowed).toBe(false);
    expect(p2.items).toContainEqual(expect.objectContaining({ kind: 'signature', rule: 'docmdp' }));
    const p2Invisible = fake(2, 'empty-field-invisible', { inFields: true, rect: [0, 0, 0, 0] });
    expect(p2Invisible.allowed, JSON.stringify(p2Invisible.items)).toBe(true);
    expect(p2Invisible.allowedChanges).toEqual(['signature']);
    const free = fake(undefined, 'empty-field', { inFields: true });
    expect(free.allowed).toBe(true);
    expect(free.allowedChanges).toEqual(['signature']);
  });

  it('an empty signature field whose visible widget is in /Kids: the widget judged as the empty field (P=2 refused)', () => {
    const kids = (p: number | undefined) =>
      modsAfter(
        appendUpdate(certified[String(p)]!, join(dir, `p${p}-kids.pdf`), (r, n) => {
          const field = new PdfDict()
            .set('FT', name('Sig'))
            .set('T', str('Firma2'))
            .set('Kids', [ref(n + 1)]);
          const widget = new PdfDict()
            .set('Type', name('Annot'))
            .set('Subtype', name('Widget'))
            .set('Parent', ref(n))
            .set('Rect', [60, 700, 460, 760])
            .set('P', ref(4))
            .set('AP', new PdfDict().set('N', ref(n + 2)));
          return [
            [n, field],
            [n + 1, widget],
            [n + 2, drawing('Importo: 900 EUR', 400, 60)],
            withAnnotation(r, 4, n + 1),
            withField(r, n),
          ];
        }),
        2,
      );
    const p2 = kids(2);
    expect(p2.allowed).toBe(false);
    expect(p2.items).toContainEqual(
      expect.objectContaining({ kind: 'signature', rule: 'docmdp', page: 1, allowed: false }),
    );
    expect(kids(undefined).allowed).toBe(true);
  });

  it('controls: a document timestamp in a signature field of the form stays allowed under P=1, a /FreeText is refused', () => {
    const ts = fake(1, 'ts-field', { value: 'timestamp', inFields: true, rect: [0, 0, 0, 0] });
    expect(ts.allowed, JSON.stringify(ts.items)).toBe(true);
    expect(ts.allowedChanges).toEqual(['timestamp']);
    const control = fake(1, 'freetext', { subtype: 'FreeText', plain: true });
    expect(control.allowed).toBe(false);
  });

  it('/AcroForm /DR (a font re-encoded) and /NeedAppearances changed: reported; refused under any certification', () => {
    const redraw = (p: number | undefined) =>
      modsAfter(redrawFormUpdate(certified[String(p)]!, join(dir, `p${p}-dr.pdf`)), 2);
    // P=2 permits filling in forms, not redrawing the certified fields (their signed "100" shown "900")
    for (const p of [1, 2]) {
      const m = redraw(p);
      expect(m.allowed, `P=${p}`).toBe(false);
      for (const k of ['DR', 'NeedAppearances'])
        expect(m.items).toContainEqual(
          expect.objectContaining({
            kind: 'appearance',
            rule: 'docmdp',
            allowed: false,
            reason: expect.objectContaining({ en: expect.stringContaining(`/${k} changed`) }),
          }),
        );
    }
    const m = redraw(undefined);
    expect(m.allowed).toBe(true);
    expect(m.items.map((i) => i.reason.en)).toEqual(
      expect.arrayContaining([
        'AcroForm: /DR changed (appearance of the fields)',
        'AcroForm: /NeedAppearances changed (appearance of the fields)',
      ]),
    );
  });
});
