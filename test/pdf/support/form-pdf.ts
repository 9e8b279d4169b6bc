/** A one-page handwritten PDF with a text field, optionally "certified" with DocMDP P (no signature needed). */
import { join } from 'node:path';
import { name, PdfDict, PdfStream, ref, type PdfValue } from '../../../electron/core/pdf/pdf-objects';
import { writeHandwritten } from './make-pdf';
import { appendUpdate, contentStream, str } from './append-update';

/** a one-page PDF with a text field "Nome" whose widget has an indirect appearance stream; DocMDP P optional */
export function formPdf(dir: string, file: string, p?: number): string {
  const base = writeHandwritten(join(dir, `${file}-base.pdf`));
  return appendUpdate(base, join(dir, `${file}.pdf`), (r, n) => {
    const field = new PdfDict()
      .set('Type', name('Annot'))
      .set('Subtype', name('Widget'))
      .set('FT', name('Tx'))
      .set('T', str('Nome'))
      .set('Rect', [72, 600, 300, 620])
      .set('P', ref(4))
      .set('AP', new PdfDict().set('N', ref(n + 1)));
    const ap = fieldAppearance('');
    const catalog = (r.latest.get(1) as PdfDict)
      .clone()
      .set('AcroForm', new PdfDict().set('Fields', [ref(n)]));
    const objs: [number, PdfValue][] = [
      [n, field],
      [n + 1, ap],
    ];
    if (p !== undefined) {
      const perms = new PdfDict().set('Reference', [
        new PdfDict()
          .set('TransformMethod', name('DocMDP'))
          .set('TransformParams', new PdfDict().set('P', p)),
      ]);
      objs.push([n + 2, perms]);
      catalog.set('Perms', new PdfDict().set('DocMDP', ref(n + 2)));
    }
    objs.push([1, catalog], [4, (r.latest.get(4) as PdfDict).clone().set('Annots', [ref(n)])]);
    return objs;
  });
}

/** an appearance stream (form XObject) of the "Nome" widget's size */
export function fieldAppearance(text: string): PdfStream {
  return contentStream(
    text,
    new PdfDict().set('Type', name('XObject')).set('Subtype', name('Form')).set('BBox', [0, 0, 228, 20]),
  );
}
