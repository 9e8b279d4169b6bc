/**
 * Test helpers for changes made to signature fields after signing: find and change a field, an appearance that
 * draws text, the judged report, poppler's rendering.
 */
import { execFileSync } from 'node:child_process';
import { PdfReader } from '../../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../../electron/core/pdf/byte-range-check';
import { analyseModifications, type Modifications } from '../../../electron/core/pdf/diff/analyse';
import { name, PdfDict, PdfRef, PdfString, type PdfValue } from '../../../electron/core/pdf/pdf-objects';
import { appendUpdate, contentStream } from './append-update';

/** the changes after revision `rev` (1-based, as written) of `file` */
export function modsAfter(file: string, rev: number): Modifications {
  const reader = PdfReader.open(file);
  try {
    const revs = revisionEnds(reader.sections);
    return analyseModifications(reader, revs[rev - 1]!.end, revs.length - rev);
  } finally {
    reader.close();
  }
}

/** the revisions of `file` */
export function revisionCount(file: string): number {
  const reader = PdfReader.open(file);
  try {
    return revisionEnds(reader.sections).length;
  } finally {
    reader.close();
  }
}

/** the top-level field named `t` in the latest revision: its number and dictionary (a copy to change) */
export function fieldNamed(r: PdfReader, t: string): { num: number; dict: PdfDict } {
  const form = r.latest.dict(r.catalog().get('AcroForm'))!;
  const found = (form.get('Fields') as PdfValue[]).find((f) => {
    const tv = r.latest.dict(f)?.get('T');
    return tv instanceof PdfString && tv.text() === t;
  });
  if (!(found instanceof PdfRef)) throw new Error(`no field ${t}`);
  return { num: found.num, dict: (r.latest.get(found.num) as PdfDict).clone() };
}

/** page 1 of `file` rendered by poppler (pdftoppm, grey, 18 dpi): what a viewer shows, annotations included */
export function renderPage1(file: string): Buffer {
  return execFileSync('pdftoppm', ['-r', '18', '-gray', '-f', '1', '-l', '1', file], {
    maxBuffer: 1 << 24,
  });
}

/** a form XObject drawing `text` over a box of this size */
export function drawing(text: string, w = 200, h = 60) {
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
export function changeField(
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
