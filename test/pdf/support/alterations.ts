/**
 * Later incremental updates that change what a signed handwritten PDF shows (issue 23): text replaced in a
 * page's content stream, an overlay annotation, a page added, a form field filled with its appearance.
 * Pages of handwrittenPdf: page i (1-based) is object 2 + 2i, its content 3 + 2i.
 */
import { appendUpdate, contentStream, withAnnotation, str } from './append-update';
import { fieldAppearance } from './form-pdf';
import { name, PdfDict, ref, type PdfValue } from '../../../electron/core/pdf/pdf-objects';

export const pageObject = (page: number): number => 2 + page * 2;

/** page `page`'s text replaced (same place, 72/720, Helvetica 18) */
export function replaceText(input: string, output: string, page: number, text: string): string {
  return appendUpdate(input, output, () => [
    [pageObject(page) + 1, contentStream(`BT /F1 18 Tf 72 720 Td (${text}) Tj ET`)],
  ]);
}

/** a /Square annotation whose appearance paints a filled box with text over [x, y, x+w, y+h] of `page` */
export function overlayAnnotation(
  input: string,
  output: string,
  page: number,
  box: [number, number, number, number],
): string {
  const [x, y, w, h] = box;
  return appendUpdate(input, output, (r, n) => {
    const ap = contentStream(
      `0.1 0.3 0.8 rg 0 0 ${w} ${h} re f 1 1 1 rg BT /F1 14 Tf 6 6 Td (Pagato) Tj ET`,
      new PdfDict()
        .set('Type', name('XObject'))
        .set('Subtype', name('Form'))
        .set('BBox', [0, 0, w, h])
        .set('Resources', new PdfDict().set('Font', new PdfDict().set('F1', ref(3)))),
    );
    const annot = new PdfDict()
      .set('Type', name('Annot'))
      .set('Subtype', name('Square'))
      .set('Rect', [x, y, x + w, y + h])
      .set('F', 4)
      .set('AP', new PdfDict().set('N', ref(n + 1)));
    return [[n, annot], [n + 1, ap], withAnnotation(r, pageObject(page), n)];
  });
}

/** a page with `text` appended at the end of the page tree */
export function addPage(input: string, output: string, text: string): string {
  return appendUpdate(input, output, (r, n) => {
    const pages = (r.latest.get(2) as PdfDict).clone();
    const kids = [...(pages.get('Kids') as PdfValue[]), ref(n)];
    pages.set('Kids', kids).set('Count', kids.length);
    const page = new PdfDict()
      .set('Type', name('Page'))
      .set('Parent', ref(2))
      .set('MediaBox', [0, 0, 595, 842])
      .set('Resources', new PdfDict().set('Font', new PdfDict().set('F1', ref(3))))
      .set('Contents', ref(n + 1));
    return [
      [2, pages],
      [n, page],
      [n + 1, contentStream(`BT /F1 18 Tf 72 720 Td (${text}) Tj ET`)],
    ];
  });
}

/** the formPdf field "Nome" filled with `value`, its appearance redrawn (what a form filler writes) */
export function fillName(input: string, output: string, value: string): string {
  return appendUpdate(input, output, (r, n) => {
    const catalog = r.latest.dict(r.trailer.get('Root'))!;
    const fieldRef = (r.latest.dict(catalog.get('AcroForm'))!.get('Fields') as PdfValue[])[0] as {
      num: number;
    };
    const field = (r.latest.get(fieldRef.num) as PdfDict).clone();
    const ap = fieldAppearance(`BT /F1 12 Tf 2 5 Td (${value}) Tj ET`);
    ap.dict.set('Resources', new PdfDict().set('Font', new PdfDict().set('F1', ref(3))));
    field.set('V', str(value)).set('AP', new PdfDict().set('N', ref(n)));
    return [
      [n, ap],
      [fieldRef.num, field],
    ];
  });
}
