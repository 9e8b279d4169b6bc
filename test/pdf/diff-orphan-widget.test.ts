/**
 * A widget annotation listed in a page's /Annots but not reachable from /AcroForm /Fields is no form field
 * (ISO 32000-1 §12.7.2; pyHanko's FormUpdatingRule looks only at the fields of the AcroForm): its /V and /AP
 * changed after a DocMDP P=2 certification is an annotation change, refused — never a "form filled in".
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { name, PdfDict, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { appendUpdate, str, withAnnotation } from './support/append-update';
import { fieldAppearance, formPdf } from './support/form-pdf';
import { drawing, modsAfter } from './support/signed-fields';

const fx = inject('fixture');

/** a /Tx widget "Totale" drawing `text`, on page 1 (object 4) */
function totalWidget(value: string, ap: number): PdfDict {
  return new PdfDict()
    .set('Type', name('Annot'))
    .set('Subtype', name('Widget'))
    .set('FT', name('Tx'))
    .set('T', str('Totale'))
    .set('V', str(value))
    .set('F', 4)
    .set('P', ref(4))
    .set('Rect', [300, 600, 500, 640])
    .set('AP', new PdfDict().set('N', ref(ap)));
}

/** `input` plus an update adding the widget to page 1's /Annots only (orphan) or to /Fields too */
function withTotal(input: string, output: string, inFields: boolean): string {
  return appendUpdate(input, output, (r, n) => {
    const objs: [number, PdfValue][] = [
      [n, totalWidget('100 EUR', n + 1)],
      [n + 1, drawing('TOTALE 100 EUR')],
      withAnnotation(r, 4, n),
    ];
    if (inFields) {
      const catalog = (r.latest.get(1) as PdfDict).clone();
      const form = (catalog.get('AcroForm') as PdfDict).clone();
      form.set('Fields', [...(form.get('Fields') as PdfValue[]), ref(n)]);
      objs.push([1, catalog.set('AcroForm', form)]);
    }
    return objs;
  });
}

/** the signed revision's widget "Totale" given a new value and a new appearance stream reading 900 */
function rewriteTotal(input: string, output: string): string {
  return appendUpdate(input, output, (r, n) => {
    const annots = (r.latest.get(4) as PdfDict).get('Annots') as PdfValue[];
    const num = (annots[annots.length - 1] as { num: number }).num;
    return [
      [num, totalWidget('900 EUR', n)],
      [n, drawing('TOTALE 900 EUR')],
    ];
  });
}

describe('a widget not reachable from /AcroForm /Fields', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-orphan-widget-'));
  });
  /** the changes after the revision holding the widget (3), with DocMDP P as given */
  const changed = (p: number | undefined, inFields: boolean) => {
    const tag = `p${p}-${inFields ? 'field' : 'orphan'}`;
    const base = withTotal(formPdf(dir, tag, p), join(dir, `${tag}-total.pdf`), inFields);
    return modsAfter(rewriteTotal(base, join(dir, `${tag}-900.pdf`)), 3);
  };

  it('its /V and /AP changed under P=2: an annotation change, refused (not a form filled in)', () => {
    const m = changed(2, false);
    expect(m.allowed).toBe(false);
    expect(m.allowedChanges).not.toContain('form-fill');
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'annotation', rule: 'docmdp', page: 1, allowed: false }),
    );
  });

  it('controls: the same widget in /Fields is a field filled in (P=2 allows it); without certification an annotation', () => {
    const field = changed(2, true);
    expect(field.allowed, JSON.stringify(field.items)).toBe(true);
    expect(field.allowedChanges).toEqual(['form-fill']);
    const free = changed(undefined, false);
    expect(free.allowed).toBe(true);
    expect(free.allowedChanges).toEqual(['annotation']);
  });

  it('control: the form field "Nome" filled under P=2 stays allowed', () => {
    const base = formPdf(dir, 'p2-nome', 2);
    const filled = appendUpdate(base, join(dir, 'p2-nome-filled.pdf'), (r, n) => {
      const form = r.latest.dict(r.catalog().get('AcroForm'))!;
      const f = (form.get('Fields') as { num: number }[])[0]!.num;
      return [
        [n, fieldAppearance('BT /F1 12 Tf 2 4 Td (Mario Rossi) Tj ET')],
        [
          f,
          (r.latest.get(f) as PdfDict)
            .clone()
            .set('V', str('Mario Rossi'))
            .set('AP', new PdfDict().set('N', ref(n))),
        ],
      ];
    });
    const m = modsAfter(filled, 2);
    expect(m.allowed).toBe(true);
    expect(m.allowedChanges).toEqual(['form-fill']);
  });
});
