/**
 * A page's content stream or /Resources dictionary that also claims to be an annotation (/Type /Annot or
 * /Subtype /Widget — viewers ignore the key and draw it as the page's) and is listed in the page's /Annots, in
 * /AcroForm /Fields or under /Info: a later rewrite of the page text was judged only by that permissive use
 * ("annotation changed", a form field with no key changed, "metadata updated") and passed, even under DocMDP P=1.
 * Every use the signed revision made of an object counts (pyHanko: every path must be cleared): the page's
 * content stays page content.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { name, PdfDict, PdfStream, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { appendUpdate, contentStream, withAnnotation } from './support/append-update';
import { formPdf } from './support/form-pdf';
import { modsAfter } from './support/signed-fields';
import type { Modifications } from '../../electron/core/pdf/diff/analyse';

const fx = inject('fixture');
const FAKE = 'BT /F1 18 Tf 72 720 Td (PAGARE 900 EUR) Tj ET';

/** page 1's content stream (object 5) with `key` /`value` in its dictionary, its text `text` */
function typedContent(key: string, value: string, text: string): PdfStream {
  return contentStream(text, new PdfDict().set(key, name(value)));
}

type Use = 'annots' | 'fields';

/** the form PDF (DocMDP P or none) where page 1's content also claims `key value` and is used as `use` */
function prepared(
  dir: string,
  tag: string,
  p: number | undefined,
  key: string,
  value: string,
  use: Use,
): string {
  const base = formPdf(dir, tag, p);
  return appendUpdate(base, join(dir, `${tag}-typed.pdf`), (r) => {
    const text = Buffer.from(r.decoded(r.latest.get(5) as PdfStream)).toString('latin1');
    const objs: [number, PdfValue][] = [[5, typedContent(key, value, text)]];
    if (use === 'annots') objs.push(withAnnotation(r, 4, 5));
    if (use === 'fields') {
      const catalog = (r.latest.get(1) as PdfDict).clone();
      const form = (catalog.get('AcroForm') as PdfDict).clone();
      form.set('Fields', [...(form.get('Fields') as PdfValue[]), ref(5)]);
      objs.push([1, catalog.set('AcroForm', form)]);
    }
    return objs;
  });
}

/** the changes after the prepared revision (3) once page 1's text is rewritten, the stream keeping its claim */
function rewritten(dir: string, p: number | undefined, key: string, value: string, use: Use): Modifications {
  const tag = `p${p}-${key}-${use}`;
  const signedRev = prepared(dir, tag, p, key, value, use);
  const f = appendUpdate(signedRev, join(dir, `${tag}-900.pdf`), () => [[5, typedContent(key, value, FAKE)]]);
  return modsAfter(f, 3);
}

function expectPageContentRefused(m: Modifications): void {
  expect(m.allowed).toBe(false);
  expect(m.items).toContainEqual(
    expect.objectContaining({ kind: 'page-content', allowed: false, page: 1, object: 5 }),
  );
}

describe('page content that claims to be an annotation or a field', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-typed-content-'));
  });

  it('/Type /Annot and listed in /Annots, no certification: page content changed, refused', () => {
    expectPageContentRefused(rewritten(dir, undefined, 'Type', 'Annot', 'annots'));
  });

  it('/Subtype /Widget and listed in /Annots, no certification: refused', () => {
    expectPageContentRefused(rewritten(dir, undefined, 'Subtype', 'Widget', 'annots'));
  });

  it('/Subtype /Widget listed in /AcroForm /Fields, under P=1, P=2 and P=3: refused (not a form filled in)', () => {
    for (const p of [1, 2, 3]) expectPageContentRefused(rewritten(dir, p, 'Subtype', 'Widget', 'fields'));
  });

  it('a /Resources dictionary claiming /Type /Annot in /Annots: its font swapped after signing is refused', () => {
    const tag = 'resources';
    const base = formPdf(dir, tag, undefined);
    const resources = (extra: string) =>
      new PdfDict()
        .set('Type', name('Annot'))
        .set('Subtype', name('Square'))
        .set('Rect', [0, 0, 0, 0])
        .set(
          'Font',
          new PdfDict().set(
            'F1',
            new PdfDict()
              .set('Type', name('Font'))
              .set('Subtype', name('Type1'))
              .set('BaseFont', name(extra)),
          ),
        );
    const prepared = appendUpdate(base, join(dir, `${tag}-typed.pdf`), (r, n) => {
      const page = (withAnnotation(r, 4, n)[1] as PdfDict).set('Resources', ref(n));
      return [
        [n, resources('Helvetica')],
        [4, page],
      ];
    });
    const f = appendUpdate(prepared, join(dir, `${tag}-swapped.pdf`), (r) => {
      const num = ((r.latest.get(4) as PdfDict).get('Resources') as { num: number }).num;
      return [[num, resources('Symbol')]];
    });
    const m = modsAfter(f, 3);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'page-content', allowed: false, page: 1 }),
    );
  });

  it('a stream listed in /Fields whose bytes change (no dictionary key changed): no rule allows it, refused', () => {
    const tag = 'field-stream';
    const base = formPdf(dir, tag, 2);
    const widget = (text: string) => contentStream(text, new PdfDict().set('Subtype', name('Widget')));
    const withStream = appendUpdate(base, join(dir, `${tag}-typed.pdf`), (r, n) => {
      const catalog = (r.latest.get(1) as PdfDict).clone();
      const form = (catalog.get('AcroForm') as PdfDict).clone();
      form.set('Fields', [...(form.get('Fields') as PdfValue[]), ref(n)]);
      return [
        // the same /Length: no key of its dictionary changes
        [n, widget('q Q'.padEnd(FAKE.length, ' '))],
        [1, catalog.set('AcroForm', form)],
      ];
    });
    const f = appendUpdate(withStream, join(dir, `${tag}-changed.pdf`), (r) => {
      const fields = ((r.latest.get(1) as PdfDict).get('AcroForm') as PdfDict).get('Fields') as PdfValue[];
      const num = (fields[fields.length - 1] as { num: number }).num;
      return [[num, widget(FAKE)]];
    });
    const m = modsAfter(f, 3);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(expect.objectContaining({ rule: 'object', allowed: false }));
  });
});
