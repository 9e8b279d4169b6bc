/**
 * Issue 18, forms and signatures: what may follow a signature (later signatures, document timestamps, form
 * filling and annotations as the permissions allow) is reported item by item; overwriting an existing
 * widget's appearance or pointing a new field at the first signature is refused.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { signPades } from '../../electron/core/pdf/pades-sign';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { analyseModifications, type Modifications } from '../../electron/core/pdf/diff/analyse';
import { name, PdfDict, PdfRef, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { modifiedVerdict } from '../support/dss-corpus';
import { writeHandwritten } from './support/make-pdf';
import { fileSigner } from './support/signers';
import { appendUpdate, contentStream, qpdfCheck, str } from './support/append-update';

const fx = inject('fixture');
const trust = new TrustStore([]);

function mods(file: string, rev: number): Modifications {
  const reader = PdfReader.open(file);
  try {
    const revs = revisionEnds(reader.sections);
    return analyseModifications(reader, revs[rev - 1]!.end, revs.length - rev);
  } finally {
    reader.close();
  }
}

/** a one-page PDF with a text field "Nome" whose widget has an indirect appearance stream; DocMDP P optional */
function formPdf(dir: string, file: string, p?: number): string {
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
    const ap = contentStream(
      '',
      new PdfDict().set('Type', name('XObject')).set('Subtype', name('Form')).set('BBox', [0, 0, 228, 20]),
    );
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

/** the field "Nome" of the latest revision: its number, dictionary and appearance stream number */
function nome(r: PdfReader): { num: number; dict: PdfDict; ap: number } {
  const form = r.latest.dict(r.catalog().get('AcroForm'))!;
  const fieldRef = (form.get('Fields') as PdfValue[]).find((f) => {
    const d = r.latest.dict(f);
    return d && (d.get('T') as { text(): string } | undefined)?.text() === 'Nome';
  }) as PdfRef;
  const dict = r.latest.get(fieldRef.num) as PdfDict;
  const ap = ((dict.get('AP') as PdfDict).get('N') as PdfRef).num;
  return { num: fieldRef.num, dict, ap };
}

/** fills "Nome" the proper way: new value, new appearance stream */
function fill(input: string, output: string): string {
  return appendUpdate(input, output, (r, n) => {
    const f = nome(r);
    return [
      [
        n,
        contentStream(
          'BT /F1 12 Tf 2 4 Td (Mario Rossi) Tj ET',
          new PdfDict()
            .set('Type', name('XObject'))
            .set('Subtype', name('Form'))
            .set('BBox', [0, 0, 228, 20]),
        ),
      ],
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
  const sign = async (input: string, output: string, documentTimestamp?: boolean) => {
    await signPades({
      input,
      output,
      overwrite: false,
      digest: 'sha256',
      signer: fileSigner(fx.pki),
      ...(documentTimestamp ? { documentTimestamp: async () => new Uint8Array(64).fill(0x30) } : {}),
    });
    return output;
  };
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
        [
          w.ap,
          contentStream(
            'BT /F1 12 Tf 2 4 Td (Mario Rossi) Tj ET',
            new PdfDict()
              .set('Type', name('XObject'))
              .set('Subtype', name('Form'))
              .set('BBox', [0, 0, 228, 20]),
          ),
        ],
        [w.num, w.dict.clone().set('V', str('Mario Rossi'))],
      ];
    });
    const m = mods(f, 3);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(expect.objectContaining({ kind: 'appearance', allowed: false, page: 1 }));
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
      const page = (r.latest.get(4) as PdfDict).clone();
      page.set('Annots', [...(page.get('Annots') as PdfValue[]), ref(n)]);
      const square = new PdfDict()
        .set('Type', name('Annot'))
        .set('Subtype', name('Square'))
        .set('Rect', [60, 700, 400, 740])
        .set('IC', [1, 1, 1])
        .set('NM', str('copertura'));
      return [
        [n, square],
        [4, page],
      ];
    });
    const m = mods(f, 3);
    expect(m.allowed).toBe(true);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'annotation', allowed: true, page: 1, name: 'copertura' }),
    );
    expect(m.items[0]!.reason.en).toMatch(/overlays the signed content/);
    expect(modifiedVerdict(await verifyPdf(f, { trust }))).toBe('yes');
    // the same annotation under DocMDP P=2 is refused
    const certified = appendUpdate(formPdf(dir, 'p2a', 2), join(dir, 'p2-overlay.pdf'), (r, n) => [
      [n, new PdfDict().set('Type', name('Annot')).set('Subtype', name('Square')).set('Rect', [0, 0, 9, 9])],
      [
        4,
        (r.latest.get(4) as PdfDict)
          .clone()
          .set('Annots', [...((r.latest.get(4) as PdfDict).get('Annots') as PdfValue[]), ref(n)]),
      ],
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
      const page = (r.latest.get(4) as PdfDict).clone();
      page.set('Annots', [...(page.get('Annots') as PdfValue[]), ref(n)]);
      const formRef = r.catalog().get('AcroForm');
      const objs: [number, PdfValue][] = [
        [n, fake],
        [4, page],
      ];
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
});
