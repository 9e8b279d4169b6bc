/** Test helpers for changes made to signature fields after signing: find a field, the judged report, a render. */
import { execFileSync } from 'node:child_process';
import { PdfReader } from '../../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../../electron/core/pdf/byte-range-check';
import { analyseModifications, type Modifications } from '../../../electron/core/pdf/diff/analyse';
import { PdfDict, PdfRef, PdfString, type PdfValue } from '../../../electron/core/pdf/pdf-objects';

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
