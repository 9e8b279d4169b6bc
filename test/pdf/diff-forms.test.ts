/**
 * Issue 18, forms and signatures: what may follow a signature (later signatures, document timestamps, form
 * filling and annotations as the permissions allow) is reported item by item; overwriting an existing
 * widget's appearance or pointing a new field at the first signature is refused.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { name, PdfDict, PdfRef, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { modifiedVerdict } from '../support/dss-corpus';
import { appendUpdate, qpdfCheck, str, withAnnotation } from './support/append-update';
import { fieldAppearance, formPdf } from './support/form-pdf';
import { signFile } from './support/signers';
import { modsAfter } from './support/signed-fields';

const fx = inject('fixture');
const trust = new TrustStore([]);

const mods = modsAfter;

/** the field "Nome" of the latest revision: its number, dictionary and appearance stream number */
function nome(r: PdfReader): { num: number; dict: PdfDict; ap: number } {
  const form = r.latest.dict(r.catalog().get('AcroForm'))!;
  const fieldRef = (form.get('Fields') as PdfValue[]).find((f) => {
    const d = r.latest.dict(f);
    return d && (d.get('T') as { text(): string } | undefined)?.text() === 'Nome';
  }) as PdfRef;
  const dict = r.latest.get(fieldRef.num) as PdfDict;
  const ap = (r.latest.dict(dict.get('AP'))!.get('N') as PdfRef).num;
  return { num: fieldRef.num, dict, ap };
}

/** fills "Nome" the proper way: new value, new appearance stream */
function fill(input: string, output: string): string {
  return appendUpdate(input, output, (r, n) => {
    const f = nome(r);
    return [
      [n, fieldAppearance('BT /F1 12 Tf 2 4 Td (Mario Rossi) Tj ET')],
      [
        f.num,
        f.dict
          .clone()
          .set('V', str('Mario Rossi'))
          .set('AP', new PdfDict().set('N', ref(n))),
      ],
    ];
  });
}

describe('forms, annotations and later signatures after a signature', () => {
  let dir: string;
  let signedForm: string;
  const sign = (input: string, output: string, documentTimestamp?: boolean) =>
    signFile(
      fx.pki,
      input,
      output,
      documentTimestamp ? { documentTimestamp: async () => new Uint8Array(64).fill(0x30) } : {},
    );
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-diff-forms-'));
    signedForm = await sign(formPdf(dir, 'form'), join(dir, 'form-signed.pdf'));
  });

  it('a form filled after an approval signature: allowed, and reported with the field name and page', () => {
    const f = fill(signedForm, join(dir, 'filled.pdf'));
    expect(qpdfCheck(f)).toBe(0);
    const m = mods(f, 3);
    expect(m.allowed).toBe(true);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'form-fill', allowed: true, name: 'Nome', page: 1, rule: 'form-fill' }),
    );
  });

  it("the widget's existing appearance stream overwritten in place (sneaky): refused", () => {
    const f = appendUpdate(signedForm, join(dir, 'sneaky.pdf'), (r) => {
      const w = nome(r);
      return [
        [w.ap, fieldAppearance('BT /F1 12 Tf 2 4 Td (Mario Rossi) Tj ET')],
        [w.num, w.dict.clone().set('V', str('Mario Rossi'))],
      ];
    });
    const m = mods(f, 3);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(expect.objectContaining({ kind: 'appearance', allowed: false, page: 1 }));
  });

  it("a widget's new appearance reusing a stream of the signed version (page 1's content): refused", () => {
    const f = appendUpdate(signedForm, join(dir, 'reused-ap.pdf'), (r) => {
      const w = nome(r);
      return [
        [
          w.num,
          w.dict
            .clone()
            .set('V', str('x'))
            .set('AP', new PdfDict().set('N', ref(5))),
        ],
      ];
    });
    const m = mods(f, 3);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'appearance', rule: 'appearance', name: 'Nome' }),
    );
  });

  it('DocMDP P=2 permits form filling, P=1 refuses it (rule docmdp)', () => {
    const p2 = fill(formPdf(dir, 'p2', 2), join(dir, 'p2-filled.pdf'));
    expect(mods(p2, 2).allowed).toBe(true);
    const p1 = mods(fill(formPdf(dir, 'p1', 1), join(dir, 'p1-filled.pdf')), 2);
    expect(p1.allowed).toBe(false);
    expect(p1.items).toContainEqual(
      expect.objectContaining({ kind: 'form-fill', rule: 'docmdp', name: 'Nome' }),
    );
  });

  it('an overlay annotation after an approval signature: allowed but reported as an overlay on its page', async () => {
    const f = appendUpdate(signedForm, join(dir, 'overlay.pdf'), (r, n) => {
      const square = new PdfDict()
        .set('Type', name('Annot'))
        .set('Subtype', name('Square'))
        .set('Rect', [60, 700, 400, 740])
        .set('IC', [1, 1, 1])
        .set('NM', str('copertura'));
      return [[n, square], withAnnotation(r, 4, n)];
    });
    const m = mods(f, 3);
    expect(m.allowed).toBe(true);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'annotation', allowed: true, page: 1, name: 'copertura' }),
    );
    expect(m.items[0]!.reason.en).toMatch(/overlays the signed content/);
    expect(modifiedVerdict(await verifyPdf(f, { trust }))).toBe('yes');
    // a link covers nothing: reported as an annotation, not as an overlay
    const link = appendUpdate(signedForm, join(dir, 'link.pdf'), (r, n) => [
      [n, new PdfDict().set('Type', name('Annot')).set('Subtype', name('Link')).set('Rect', [0, 0, 9, 9])],
      withAnnotation(r, 4, n),
    ]);
    expect(mods(link, 3).items.map((i) => i.reason.en)).toEqual(['annotation or field /Link added']);
    // the same annotation under DocMDP P=2 is refused
    const certified = appendUpdate(formPdf(dir, 'p2a', 2), join(dir, 'p2-overlay.pdf'), (r, n) => [
      [n, new PdfDict().set('Type', name('Annot')).set('Subtype', name('Square')).set('Rect', [0, 0, 9, 9])],
      withAnnotation(r, 4, n),
    ]);
    expect(mods(certified, 2).items).toContainEqual(
      expect.objectContaining({ kind: 'annotation', allowed: false, rule: 'docmdp' }),
    );
  });

  it('a later signature and a document timestamp stay allowed, and count as not modified', async () => {
    const twice = await sign(signedForm, join(dir, 'twice.pdf'));
    const stamped = await sign(twice, join(dir, 'stamped.pdf'), true);
    const m = mods(stamped, 3);
    expect(m.allowed, JSON.stringify(m.items)).toBe(true);
    expect(m.allowedChanges).toEqual(expect.arrayContaining(['signature', 'timestamp']));
    expect(m.allowedChanges).not.toContain('form-fill');
    const r = await verifyPdf(stamped, { trust });
    expect(r.signatures.every((s) => s.modifications === null || s.modifications.allowed)).toBe(true);
    expect(modifiedVerdict(r)).toBe('no');
  });

  it('a new signature field whose /V is the first signature dictionary (spoofing): refused', () => {
    const f = appendUpdate(signedForm, join(dir, 'spoof.pdf'), (r, n) => {
      const form = r.latest.dict(r.catalog().get('AcroForm'))!;
      const fields = form.get('Fields') as PdfValue[];
      const first = fields
        .map((x) => r.latest.dict(x)!)
        .find((d) => (d.get('FT') as { name?: string })?.name === 'Sig')!;
      const fake = new PdfDict()
        .set('Type', name('Annot'))
        .set('Subtype', name('Widget'))
        .set('FT', name('Sig'))
        .set('T', str('Firma2'))
        .set('Rect', [300, 60, 500, 120])
        .set('P', ref(4))
        .set('V', first.get('V')!);
      const formRef = r.catalog().get('AcroForm');
      const objs: [number, PdfValue][] = [[n, fake], withAnnotation(r, 4, n)];
      const newForm = form.clone().set('Fields', [...fields, ref(n)]);
      if (formRef instanceof PdfRef) objs.push([formRef.num, newForm]);
      else objs.push([1, r.catalog().clone().set('AcroForm', newForm)]);
      return objs;
    });
    const m = mods(f, 3);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'signature-replaced', rule: 'signature-spoofing', name: 'Firma2' }),
    );
  });

  it('a signature field with its widget in /Kids: the widget is allowed, the value judged on the field', () => {
    const build = (
      file: string,
      value: (first: PdfValue, n: number) => PdfValue,
      extra: (n: number) => [number, PdfValue][],
    ) =>
      appendUpdate(signedForm, join(dir, file), (r, n) => {
        const form = r.latest.dict(r.catalog().get('AcroForm'))!;
        const fields = form.get('Fields') as PdfValue[];
        const first = fields
          .map((x) => r.latest.dict(x)!)
          .find((d) => (d.get('FT') as { name?: string })?.name === 'Sig')!;
        const field = new PdfDict()
          .set('FT', name('Sig'))
          .set('T', str('Firma2'))
          .set('Kids', ref(n + 1))
          .set('V', value(first.get('V')!, n));
        const widget = new PdfDict()
          .set('Type', name('Annot'))
          .set('Subtype', name('Widget'))
          .set('Rect', [300, 60, 500, 120])
          .set('P', ref(4));
        const formRef = r.catalog().get('AcroForm') as PdfRef;
        return [
          [n, field],
          [n + 1, [ref(n + 2)]],
          [n + 2, widget],
          withAnnotation(r, 4, n + 2),
          [formRef.num, form.clone().set('Fields', [...fields, ref(n)])],
          ...extra(n),
        ];
      });
    const sigDict = new PdfDict()
      .set('Type', name('Sig'))
      .set('ByteRange', [0, 0, 0, 0])
      .set('Contents', str('x'));
    const ok = mods(
      build(
        'kids-ok.pdf',
        (_f, n) => ref(n + 3),
        (n) => [[n + 3, sigDict]],
      ),
      3,
    );
    expect(ok.allowed, JSON.stringify(ok.items)).toBe(true);
    expect(ok.items.map((i) => i.reason.en)).toEqual(
      expect.arrayContaining([
        'widget of signature field "Firma2" added',
        'signature added in field "Firma2"',
      ]),
    );
    const spoof = mods(
      build(
        'kids-spoof.pdf',
        (first) => first,
        () => [],
      ),
      3,
    );
    expect(spoof.items).toContainEqual(
      expect.objectContaining({ rule: 'signature-spoofing', allowed: false }),
    );
  });

  it('replacing an indirect appearance dictionary that the catalog also uses (pyHanko sneaky): refused', async () => {
    for (const shared of [true, false]) {
      const tag = shared ? 'shared' : 'own';
      const base = appendUpdate(formPdf(dir, tag), join(dir, `${tag}-ap.pdf`), (r, n) => {
        const w = nome(r);
        const objs: [number, PdfValue][] = [
          [n, w.dict.get('AP')!],
          [w.num, w.dict.clone().set('AP', ref(n))],
        ];
        if (shared) objs.push([1, (r.latest.get(1) as PdfDict).clone().set('FooBar', ref(n))]);
        return objs;
      });
      const signed = await sign(base, join(dir, `${tag}-signed.pdf`));
      // filled the proper way: new value, a new direct /AP with a new stream; the old dictionary untouched
      const m = mods(fill(signed, join(dir, `${tag}-filled.pdf`)), 4);
      expect(m.allowed, JSON.stringify(m.items)).toBe(!shared);
      if (shared)
        expect(m.items).toContainEqual(expect.objectContaining({ kind: 'appearance', name: 'Nome' }));
    }
  });
});
