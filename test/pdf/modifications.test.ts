/** What later incremental updates may change: form filling, annotations, DocMDP P and FieldMDP locks. */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signPades } from '../../electron/core/sign/pades-sign';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { analyseModifications } from '../../electron/core/pdf/diff/analyse';
import { revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { name, PdfDict, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { formPdf } from './support/form-pdf';
import { appendUpdate, str } from './support/append-update';
import { fileSigner } from './support/signers';

const fx = inject('fixture');

const update = appendUpdate;

function fill(input: string, output: string): string {
  return update(input, output, (r) => {
    const catalog = r.latest.dict(r.trailer.get('Root'))!;
    const fieldRef = (r.latest.dict(catalog.get('AcroForm'))!.get('Fields') as PdfValue[])[0] as {
      num: number;
    };
    return [[fieldRef.num, (r.latest.get(fieldRef.num) as PdfDict).clone().set('V', str('Mario Rossi'))]];
  });
}

function annotate(input: string, output: string): string {
  return update(input, output, (r, n) => {
    const note = new PdfDict()
      .set('Type', name('Annot'))
      .set('Subtype', name('Text'))
      .set('Rect', [10, 10, 30, 30])
      .set('Contents', str('nota'));
    const page = (r.latest.get(4) as PdfDict).clone();
    page.set('Annots', [...((page.get('Annots') as PdfValue[]) ?? []), ref(n)]);
    return [
      [n, note],
      [4, page],
    ];
  });
}

describe('changes after signing', () => {
  let dir: string;
  const trust = new TrustStore([]);
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-mods-'));
  });

  async function signed(input: string): Promise<string> {
    const out = input.replace(/\.pdf$/, '-signed.pdf');
    await signPades({ input, output: out, overwrite: false, digest: 'sha256', signer: fileSigner(fx.pki) });
    return out;
  }

  it('form filling and annotations are allowed on a signed (not certified) PDF', async () => {
    const s = await signed(formPdf(dir, 'form'));
    const filled = annotate(fill(s, join(dir, 'filled.pdf')), join(dir, 'filled-annotated.pdf'));
    const r = await verifyPdf(filled, { trust });
    const m = r.signatures[0]!.modifications!;
    expect(m.allowed, JSON.stringify(m)).toBe(true);
    expect(m.allowedChanges).toEqual(expect.arrayContaining(['form-fill', 'annotation']));
    expect(m.laterRevisions).toBe(2);
  });

  it('DocMDP P=2 allows form filling but not annotations', async () => {
    const s = await signed(formPdf(dir, 'p2', 2));
    const filled = fill(s, join(dir, 'p2-filled.pdf'));
    expect((await verifyPdf(filled, { trust })).signatures[0]!.modifications!.allowed).toBe(true);
    const annotated = annotate(s, join(dir, 'p2-annotated.pdf'));
    const m = (await verifyPdf(annotated, { trust })).signatures[0]!.modifications!;
    expect(m.allowed).toBe(false);
    expect(m.pages).toEqual([1]);
  });

  it('DocMDP P=1 allows no form filling', async () => {
    const certified = formPdf(dir, 'p1', 1);
    // Sigillo refuses to sign it; the check applies to any later change of the signed revision
    const filled = fill(certified, join(dir, 'p1-filled.pdf'));
    const reader = PdfReader.open(filled);
    try {
      const revs = revisionEnds(reader.sections);
      const m = analyseModifications(reader, revs[1]!.end, 1);
      expect(m.allowed).toBe(false);
    } finally {
      reader.close();
    }
  });

  it('FieldMDP locks of the signature forbid filling the locked fields', async () => {
    const s = await signed(formPdf(dir, 'lock'));
    const filled = fill(s, join(dir, 'lock-filled.pdf'));
    const lock = (action: string, fields?: string[]) =>
      new PdfDict().set('Reference', [
        new PdfDict()
          .set('TransformMethod', name('FieldMDP'))
          .set(
            'TransformParams',
            fields
              ? new PdfDict().set('Action', name(action)).set('Fields', fields.map(str))
              : new PdfDict().set('Action', name(action)),
          ),
      ]);
    const reader = PdfReader.open(filled);
    try {
      const end = revisionEnds(reader.sections)[2]!.end;
      expect(analyseModifications(reader, end, 1).allowed).toBe(true);
      expect(analyseModifications(reader, end, 1, lock('All')).allowed).toBe(false);
      expect(analyseModifications(reader, end, 1, lock('Include', ['Nome'])).allowed).toBe(false);
      expect(analyseModifications(reader, end, 1, lock('Include', ['Altro'])).allowed).toBe(true);
      expect(analyseModifications(reader, end, 1, lock('Exclude', ['Nome'])).allowed).toBe(true);
    } finally {
      reader.close();
    }
  });
});
