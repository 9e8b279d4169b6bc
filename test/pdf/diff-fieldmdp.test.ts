/**
 * Fields locked by the signature (FieldMDP, ISO 32000-1 §12.8.2.4) stay as signed: not only their value but
 * their appearance, their checkbox state streams and their widgets. The /AcroForm keys that redraw every field
 * (/DR, /NeedAppearances) are refused when the signature locks fields. pyHanko: appearance updates are not
 * valid when the field is locked.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { analyseModifications, type Modifications } from '../../electron/core/pdf/diff/analyse';
import { name, PdfDict, PdfRef, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { redrawFormUpdate } from './support/form-redraw';
import { appendUpdate, qpdfCheck, str, withAnnotation } from './support/append-update';
import { formPdf } from './support/form-pdf';
import { drawing, fieldNamed, renderPage1 } from './support/signed-fields';

const fx = inject('fixture');

/** the changes after revision `rev` of `file`, judged for a signature locking `fields` (FieldMDP /Include) */
function modsLocking(file: string, rev: number, fields: string[] | undefined): Modifications {
  const reader = PdfReader.open(file);
  try {
    const revs = revisionEnds(reader.sections);
    const sigDict = new PdfDict().set('Type', name('Sig'));
    if (fields)
      sigDict.set('Reference', [
        new PdfDict()
          .set('Type', name('SigRef'))
          .set('TransformMethod', name('FieldMDP'))
          .set(
            'TransformParams',
            new PdfDict()
              .set('Type', name('TransformParams'))
              .set('Action', name('Include'))
              .set('Fields', fields.map(str))
              .set('V', name('1.2')),
          ),
      ]);
    return analyseModifications(reader, revs[rev - 1]!.end, revs.length - rev, sigDict);
  } finally {
    reader.close();
  }
}

const box = (on: boolean) => drawing(on ? 'X' : ' ', 20, 20);

describe('fields locked by FieldMDP', () => {
  let dir: string;
  /** revision 3 ("signed"): "Nome" = 100 EUR with its appearance; checkbox "Ok" (/Kids, one widget) on /Yes */
  const signed: Record<string, string> = {};
  const out = (f: string) => join(dir, f);

  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-diff-fieldmdp-'));
    for (const p of [undefined, 2]) {
      signed[String(p)] = appendUpdate(
        formPdf(dir, `lock-p${p}`, p),
        out(`lock-p${p}-signed.pdf`),
        (r, n) => {
          const nome = fieldNamed(r, 'Nome');
          const catalog = (r.latest.get(1) as PdfDict).clone();
          const form = (catalog.get('AcroForm') as PdfDict).clone();
          form.set('Fields', [...(form.get('Fields') as PdfValue[]), ref(n + 1)]);
          const ok = new PdfDict()
            .set('FT', name('Btn'))
            .set('T', str('Ok'))
            .set('V', name('Yes'))
            .set('Kids', [ref(n + 2)]);
          const widget = new PdfDict()
            .set('Type', name('Annot'))
            .set('Subtype', name('Widget'))
            .set('Parent', ref(n + 1))
            .set('Rect', [72, 500, 92, 520])
            .set('F', 4)
            .set('P', ref(4))
            .set('AS', name('Yes'))
            .set('AP', new PdfDict().set('N', new PdfDict().set('Yes', ref(n + 3)).set('Off', ref(n + 4))));
          const page = (r.latest.get(4) as PdfDict).clone();
          page.set('Annots', [...(page.get('Annots') as PdfValue[]), ref(n + 2)]);
          return [
            [n, drawing('100 EUR', 228, 20)],
            [nome.num, nome.dict.set('V', str('100 EUR')).set('AP', new PdfDict().set('N', ref(n)))],
            [n + 1, ok],
            [n + 2, widget],
            [n + 3, box(true)],
            [n + 4, box(false)],
            [4, page],
            [1, catalog.set('AcroForm', form)],
          ];
        },
      );
    }
  });

  /** the appearance of "Nome" pointed at a new stream reading 900 EUR, its value unchanged */
  const newLook = (base: string, file: string) =>
    appendUpdate(base, out(file), (r, n) => {
      const nome = fieldNamed(r, 'Nome');
      return [
        [n, drawing('900 EUR', 228, 20)],
        [nome.num, nome.dict.set('AP', new PdfDict().set('N', ref(n)))],
      ];
    });

  it('a locked field given a new appearance without a new value: refused (approval lock, and P=2 with a lock)', () => {
    for (const p of [undefined, 2]) {
      const f = newLook(signed[String(p)]!, `p${p}-look.pdf`);
      expect(qpdfCheck(f)).toBe(0);
      // the page does show something else
      expect(renderPage1(f).equals(renderPage1(signed[String(p)]!))).toBe(false);
      const m = modsLocking(f, 3, ['Nome']);
      expect(m.allowed, JSON.stringify(m.items)).toBe(false);
      expect(m.items).toContainEqual(
        expect.objectContaining({ kind: 'form-fill', rule: 'fieldmdp', name: 'Nome', allowed: false }),
      );
      // control: the same change to a field the signature does not lock is form filling
      expect(modsLocking(f, 3, ['Altro']).allowed, `P=${p}`).toBe(true);
    }
  });

  it('a locked checkbox whose state streams are swapped (its /V and /AS unchanged): refused', () => {
    const f = appendUpdate(signed['undefined']!, out('swap.pdf'), (r) => {
      const ok = fieldNamed(r, 'Ok');
      const w = (ok.dict.get('Kids') as PdfRef[])[0]!;
      const wd = (r.latest.get(w.num) as PdfDict).clone();
      const states = r.latest.dict(r.latest.dict(wd.get('AP'))!.get('N'))!;
      wd.set(
        'AP',
        new PdfDict().set('N', new PdfDict().set('Yes', states.get('Off')!).set('Off', states.get('Yes')!)),
      );
      return [[w.num, wd]];
    });
    expect(renderPage1(f).equals(renderPage1(signed['undefined']!))).toBe(false);
    const m = modsLocking(f, 3, ['Ok']);
    expect(m.allowed, JSON.stringify(m.items)).toBe(false);
    expect(m.items).toContainEqual(expect.objectContaining({ rule: 'fieldmdp', name: 'Ok', allowed: false }));
    expect(modsLocking(f, 3, ['Nome']).allowed).toBe(true);
  });

  it('a new widget added to a locked field: refused (an annotation otherwise)', () => {
    const f = appendUpdate(signed['undefined']!, out('kid.pdf'), (r, n) => {
      const ok = fieldNamed(r, 'Ok');
      const widget = new PdfDict()
        .set('Type', name('Annot'))
        .set('Subtype', name('Widget'))
        .set('Parent', ref(ok.num))
        .set('Rect', [72, 700, 300, 760])
        .set('F', 4)
        .set('P', ref(4))
        .set('AS', name('Yes'))
        .set('AP', new PdfDict().set('N', new PdfDict().set('Yes', ref(n + 1))));
      return [
        [n, widget],
        [n + 1, drawing('900 EUR', 228, 60)],
        [ok.num, ok.dict.set('Kids', [...(ok.dict.get('Kids') as PdfValue[]), ref(n)])],
        withAnnotation(r, 4, n),
      ];
    });
    const m = modsLocking(f, 3, ['Ok']);
    expect(m.allowed, JSON.stringify(m.items)).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({
        rule: 'fieldmdp',
        allowed: false,
        reason: expect.objectContaining({ en: 'widget added to locked field "Ok"' }),
      }),
    );
    expect(modsLocking(f, 3, ['Nome']).allowed).toBe(true);
  });

  it('/DR and /NeedAppearances changed: refused when the signature locks fields, allowed (reported) otherwise', () => {
    const f = redrawFormUpdate(signed['undefined']!, out('dr.pdf'));
    const locked = modsLocking(f, 3, ['Nome']);
    expect(locked.allowed).toBe(false);
    for (const k of ['DR', 'NeedAppearances'])
      expect(locked.items).toContainEqual(
        expect.objectContaining({
          kind: 'appearance',
          rule: 'fieldmdp',
          allowed: false,
          reason: expect.objectContaining({ en: expect.stringContaining(`/${k} changed`) }),
        }),
      );
    expect(modsLocking(f, 3, undefined).allowed).toBe(true);
  });
});
