import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { analyseModifications } from '../../electron/core/pdf/diff/analyse';
import { PdfDict, PdfRef, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { appendUpdate } from './support/append-update';
import { fieldAppearance, formPdf } from './support/form-pdf';
import { signFile } from './support/signers';

const fx = inject('fixture');

describe('repro', () => {
  let dir: string;
  let twice: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-sigw-'));
    const one = await signFile(fx.pki, formPdf(dir, 'form'), join(dir, 'one.pdf'));
    twice = await signFile(fx.pki, one, join(dir, 'twice.pdf'));
  });
  it('shows', () => {
    const f = appendUpdate(twice, join(dir, 'ap.pdf'), (r, n) => {
      const form = r.latest.dict(r.catalog().get('AcroForm'))!;
      const fields = form.get('Fields') as PdfValue[];
      const sig = fields.find((x) => (r.latest.dict(x)!.get('FT') as { name?: string })?.name === 'Sig') as PdfRef;
      const d = r.latest.get(sig.num) as PdfDict;
      console.log(sig.num, d.toString?.(), [...d.keys()], d.get('Rect'));
      return [
        [n, fieldAppearance('BT /F1 12 Tf 2 4 Td (Mario Rossi) Tj ET')],
        [sig.num, d.clone().set('AP', new PdfDict().set('N', ref(n)))],
      ];
    });
    const reader = PdfReader.open(f);
    const revs = revisionEnds(reader.sections);
    for (let rev = 1; rev <= revs.length; rev++) {
      const m = analyseModifications(reader, revs[rev - 1]!.end, revs.length - rev);
      console.log(rev, JSON.stringify(m.items));
    }
    expect(1).toBe(1);
  });
});
