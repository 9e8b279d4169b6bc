/**
 * Issue 18: later revisions that change what the signed page shows must never pass as "allowed changes",
 * whatever they claim about the objects they redefine. Each case signs a handwritten PDF and appends the
 * update itself.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { analyseModifications, type Modifications } from '../../electron/core/pdf/diff/analyse';
import { name, PdfDict, PdfRaw, ref, type PdfValue } from '../../electron/core/pdf/pdf-objects';
import { writeHandwritten, withObjectStreams } from './support/make-pdf';
import { signFile } from './support/signers';
import { appendObjStmUpdate, appendUpdate, contentStream, qpdfCheck } from './support/append-update';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { TrustStore } from '../../electron/core/trust/trust-store';

const fx = inject('fixture');

/** the changes after the first signature (or after the revision `rev`, 1-based) */
function mods(file: string, rev?: number): Modifications {
  const reader = PdfReader.open(file);
  try {
    const revs = revisionEnds(reader.sections);
    const r = rev ?? 2;
    return analyseModifications(reader, revs[r - 1]!.end, revs.length - r);
  } finally {
    reader.close();
  }
}

const FAKE = 'BT /F1 18 Tf 72 720 Td (Importo: 1.000.000 EUR) Tj ET';

describe('changes after signing that alter the signed pages', () => {
  let dir: string;
  let signed: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-diff-'));
    const input = writeHandwritten(join(dir, 'doc.pdf'), { pages: 2 });
    signed = join(dir, 'doc-signed.pdf');
    await signFile(fx.pki, input, signed);
  });
  const out = (f: string) => join(dir, f);
  const catalogWith = (r: PdfReader, k: string, v: PdfValue) =>
    [1, (r.latest.get(1) as PdfDict).clone().set(k, v)] as [number, PdfValue];

  it('page content replaced directly: refused, page 1 and object 5 named', () => {
    const f = appendUpdate(signed, out('direct.pdf'), () => [[5, contentStream(FAKE)]]);
    expect(qpdfCheck(f)).toBe(0);
    const m = mods(f);
    expect(m.allowed).toBe(false);
    expect(m.pages).toEqual([1]);
    expect(m.objects).toEqual([5]);
    expect(m.items).toContainEqual(
      expect.objectContaining({ kind: 'page-content', allowed: false, page: 1, object: 5 }),
    );
  });

  it('the signature of a refused change: integrity valid, TOTAL_FAILED/FORMAT_FAILURE (as DSS Format Checking)', async () => {
    const f = appendUpdate(signed, out('verdict.pdf'), () => [[5, contentStream(FAKE)]]);
    const s = (await verifyPdf(f, { trust: new TrustStore([]) })).signatures[0]!;
    expect(s.integrity).toBe('valid');
    expect(s.indication).toBe('TOTAL_FAILED');
    expect(s.subIndication).toBe('FORMAT_FAILURE');
    expect(s.modifications?.allowed).toBe(false);
  });

  it('content redefined as something a new /DSS reaches: still the page content, refused', () => {
    const f = appendUpdate(signed, out('dss.pdf'), (r) => [
      catalogWith(r, 'DSS', new PdfDict().set('Certs', [ref(5)])),
      [5, contentStream(FAKE)],
    ]);
    const m = mods(f);
    expect(m.allowed).toBe(false);
    expect(m.objects).toContain(5);
    expect(m.items).toContainEqual(expect.objectContaining({ kind: 'dss', allowed: true }));
  });

  it('content redefined claiming /Type /Metadata: judged by what it was when signed, refused', () => {
    const f = appendUpdate(signed, out('retyped.pdf'), (r) => [
      catalogWith(r, 'Metadata', ref(5)),
      [5, contentStream(FAKE, new PdfDict().set('Type', name('Metadata')).set('Subtype', name('XML')))],
    ]);
    const m = mods(f);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(
      expect.objectContaining({ object: 5, allowed: false, rule: 'page-content' }),
    );
  });

  it('objects redefined inside a new object stream are compared too: font and page, refused', () => {
    const f = appendObjStmUpdate(signed, out('objstm.pdf'), () => [
      [3, new PdfRaw('<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>')],
      [4, new PdfRaw('<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R >>')],
    ]);
    expect(qpdfCheck(f)).toBe(0);
    const m = mods(f);
    expect(m.allowed).toBe(false);
    expect(m.objects).toEqual([3, 4]);
    expect(m.items).toContainEqual(expect.objectContaining({ kind: 'page-content', page: 1, object: 4 }));
  });

  it('a font re-encoded (glyphs remapped) after signing: refused', () => {
    const f = appendUpdate(signed, out('font.pdf'), () => [
      [
        3,
        new PdfDict()
          .set('Type', name('Font'))
          .set('Subtype', name('Type1'))
          .set('BaseFont', name('Helvetica'))
          .set('Encoding', new PdfDict().set('Differences', [68, name('X'), name('Y')])),
      ],
    ]);
    const m = mods(f);
    expect(m.allowed).toBe(false);
    expect(m.objects).toEqual([3]);
    expect(m.items[0]).toMatchObject({ kind: 'page-content', rule: 'page-content' });
  });

  it('a page added or removed: refused, the new page named', () => {
    const added = appendUpdate(signed, out('added.pdf'), (r, n) => [
      [
        2,
        (r.latest.get(2) as PdfDict)
          .clone()
          .set('Kids', [ref(4), ref(6), ref(n)])
          .set('Count', 3),
      ],
      [n, new PdfRaw(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>`)],
    ]);
    const a = mods(added);
    expect(a.allowed).toBe(false);
    expect(a.pages).toContain(3);
    const removed = appendUpdate(signed, out('removed.pdf'), (r) => [
      [
        2,
        (r.latest.get(2) as PdfDict)
          .clone()
          .set('Kids', [ref(4)])
          .set('Count', 1),
      ],
    ]);
    const m = mods(removed);
    expect(m.allowed).toBe(false);
    expect(m.items.some((i) => i.kind === 'pages')).toBe(true);
  });

  it('an object missing when signed but referenced by a page, defined later: refused', async () => {
    const base = appendUpdate(writeHandwritten(out('dangling-base.pdf')), out('dangling.pdf'), (r) => [
      [4, (r.latest.get(4) as PdfDict).clone().set('Contents', [ref(5), ref(40)])],
    ]);
    const s = out('dangling-signed.pdf');
    await signFile(fx.pki, base, s);
    const f = appendUpdate(s, out('dangling-defined.pdf'), () => [[40, contentStream(FAKE)]]);
    const m = mods(f, 3);
    expect(m.allowed).toBe(false);
    expect(m.items).toContainEqual(expect.objectContaining({ object: 40, rule: 'dangling', page: 1 }));
  });

  it('numbers written differently (595 vs 595.0) are the same value: no change', () => {
    const f = appendUpdate(signed, out('reformatted.pdf'), (r) => [
      [4, (r.latest.get(4) as PdfDict).clone().set('MediaBox', new PdfRaw('[0 0 595.0 842.00]'))],
    ]);
    const m = mods(f);
    expect(m.allowed).toBe(true);
    expect(m.items).toEqual([]);
  });

  it('catalog /Version and /Extensions bumped after signing: allowed (pyHanko), other catalog keys refused', () => {
    const bumped = appendUpdate(signed, out('version.pdf'), (r) => [
      [
        1,
        (r.latest.get(1) as PdfDict)
          .clone()
          .set('Version', name('2.0'))
          .set(
            'Extensions',
            new PdfDict().set('ADBE', new PdfDict().set('BaseVersion', name('1.7')).set('ExtensionLevel', 8)),
          ),
      ],
    ]);
    const m = mods(bumped);
    expect(m.allowed, JSON.stringify(m.items)).toBe(true);
    expect(m.allowedChanges).toEqual(['catalog']);
    const action = appendUpdate(signed, out('openaction.pdf'), (r) => [
      catalogWith(r, 'OpenAction', new PdfDict().set('S', name('JavaScript'))),
    ]);
    expect(mods(action).items).toContainEqual(
      expect.objectContaining({ allowed: false, rule: 'catalog', object: 1 }),
    );
  });

  it('a hostile graph beyond the walk cap is "too complex", never allowed', () => {
    const f = appendUpdate(signed, out('cap.pdf'), () => [[5, contentStream(FAKE)]]);
    const reader = PdfReader.open(f);
    try {
      const end = revisionEnds(reader.sections)[1]!.end;
      const m = analyseModifications(reader, end, 1, undefined, { walk: 3 });
      expect(m.allowed).toBe(false);
      expect(m.items.map((i) => i.kind)).toEqual(['too-complex']);
    } finally {
      reader.close();
    }
  });
});

describe('members of a redefined object stream', () => {
  it('the font inside a signed object stream, changed by redefining the stream number: refused', async () => {
    const dir = mkdtempSync(join(fx.root, 'pdf-diff-objstm-'));
    const packed = withObjectStreams(writeHandwritten(join(dir, 'a.pdf')), join(dir, 'packed.pdf'));
    const signed = join(dir, 'packed-signed.pdf');
    await signFile(fx.pki, packed, signed);
    const reader = PdfReader.open(signed);
    let fontNum = -1;
    let stmNum = -1;
    try {
      for (const [n, e] of reader.latest.entries) {
        const v = reader.latest.get(n);
        if (e.type === 'compressed' && v instanceof PdfDict && v.get('BaseFont')) {
          fontNum = n;
          stmNum = e.stream;
        }
      }
    } finally {
      reader.close();
    }
    expect(fontNum).toBeGreaterThan(0);
    // the new object stream takes the old one's number and holds a different font; the font's own xref
    // entry (compressed, in that stream) is never rewritten
    const f = appendObjStmUpdate(
      signed,
      join(dir, 'restream.pdf'),
      () => [[fontNum, new PdfRaw('<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>')]],
      { streamNum: stmNum, listMembers: false },
    );
    // qpdf reads it (warnings only: the other members of the old stream are gone)
    expect(qpdfCheck(f)).toBeLessThanOrEqual(3);
    const m = mods(f, 2);
    expect(m.allowed).toBe(false);
    expect(m.objects).toContain(fontNum);
  });
});
