/**
 * The lighter verification path of issue 22 (per-revision stores sharing the parsed objects instead of caching
 * them again, changed objects looked for among the newer sections only) judges exactly as the full path: a
 * form signed twice, then a later update that replaces page content, redefines an object through a new object
 * stream, overwrites a widget's appearance, adds a page, or damages the xref — each report is the
 * same with and without the fast paths (SIGILLO_NO_FAST=1), each refused change still refused, and the changed
 * objects found from the newer sections are those found by comparing every number. A later signed revision's
 * page list is taken from the earlier walk only when it is the same (pages-reuse.ts): a page added, a leaf
 * given a /Kids reference or made a /Pages node between two signatures is walked again and refused alike.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { changedBetweenStores, changedObjects } from '../../electron/core/pdf/diff/changed-objects';
import { mayHoldMembers } from '../../electron/core/pdf/revision-changes';
import { verifyPdf } from '../../electron/core/pdf/verify-pdf';
import { name, PdfDict, ref } from '../../electron/core/pdf/pdf-objects';
import { TrustStore } from '../../electron/core/trust/trust-store';
import { formPdf, fieldAppearance } from './support/form-pdf';
import { signFile } from './support/signers';
import { appendObjStmUpdate, appendUpdate, contentStream } from './support/append-update';
import { addPage, replaceText } from './support/alterations';

const fx = inject('fixture');

interface Report {
  error: unknown;
  signatures: {
    integrity: string;
    revision: number | null;
    modifications: { allowed: boolean; objects: number[] } | null;
  }[];
}

async function report(path: string, fast: boolean): Promise<string> {
  const before = process.env.SIGILLO_NO_FAST;
  if (fast) delete process.env.SIGILLO_NO_FAST;
  else process.env.SIGILLO_NO_FAST = '1';
  try {
    const r = await verifyPdf(path, { trust: new TrustStore([]), now: new Date('2030-01-01T00:00:00Z') });
    return JSON.stringify(r);
  } finally {
    if (before === undefined) delete process.env.SIGILLO_NO_FAST;
    else process.env.SIGILLO_NO_FAST = before;
  }
}

/** the report of `path` with the fast paths, after checking that it is the one without them */
async function same(path: string): Promise<Report> {
  const fast = await report(path, true);
  expect(fast).toBe(await report(path, false));
  return JSON.parse(fast) as Report;
}

/** changedObjects from the newer sections' numbers equals the comparison of every number, at every revision */
function sameChangedObjects(path: string): void {
  const r = PdfReader.open(path);
  try {
    for (const rev of revisionEnds(r.sections)) {
      const old = r.storeAt(rev.end);
      const newer = r.sections.filter((s) => s.end > rev.end).map((s) => s.entries);
      const all = changedObjects(old.entries, r.latest.entries);
      expect(changedObjects(old.entries, r.latest.entries, newer)).toEqual(all);
      // and without the latest revision's merged table: looked up by number, members met section by section
      const lookups = changedBetweenStores(
        { get: (n) => old.entry(n) },
        { get: (n) => r.latest.entry(n) },
        newer,
        r.sections.filter((s) => mayHoldMembers(r, s)),
      );
      expect(lookups).toEqual(all);
    }
  } finally {
    r.close();
  }
}

/** page 1 (object 4) turned into a /Pages node whose kid is object 6 */
function pageMadeNode(input: string, output: string): string {
  return appendUpdate(input, output, (r) => [
    [
      4,
      (r.latest.get(4) as PdfDict)
        .clone()
        .set('Type', name('Pages'))
        .set('Kids', [ref(6)]),
    ],
  ]);
}

describe('fast and full verification paths agree on later changes', () => {
  let dir: string;
  let twice: string;
  const out = (f: string) => join(dir, f);

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-fast-same-'));
    const form = formPdf(dir, 'form');
    await signFile(fx.pki, form, out('form-1.pdf'));
    twice = await signFile(fx.pki, out('form-1.pdf'), out('form-2.pdf'));
  });

  it('the two signatures untouched: both valid, no change refused', async () => {
    const r = await same(twice);
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid']);
    expect(r.signatures[0]!.modifications?.allowed).toBe(true);
    sameChangedObjects(twice);
  });

  it('page content replaced in a later revision: refused for both signatures', async () => {
    const f = replaceText(twice, out('text.pdf'), 1, 'Importo: 1.000.000 EUR');
    const r = await same(f);
    expect(r.signatures.map((s) => s.modifications?.allowed)).toEqual([false, false]);
    expect(r.signatures[1]!.modifications?.objects).toContain(5);
    sameChangedObjects(f);
  });

  it('page content redefined inside a new object stream: refused', async () => {
    const f = appendObjStmUpdate(twice, out('objstm.pdf'), () => [
      [5, contentStream('BT /F1 18 Tf 72 720 Td (Pagato) Tj ET')],
    ]);
    const r = await same(f);
    expect(r.signatures.map((s) => s.modifications?.allowed)).toEqual([false, false]);
    sameChangedObjects(f);
  });

  it("a widget's appearance stream overwritten with other text: refused", async () => {
    // object 7 is the appearance (/AP /N) of the form's "Nome" widget, object 6
    const f = appendUpdate(twice, out('widget-ap.pdf'), () => [[7, fieldAppearance('Mario Rossi')]]);
    const r = await same(f);
    expect(r.signatures.map((s) => s.modifications?.allowed)).toEqual([false, false]);
    expect(r.signatures[0]!.modifications?.objects).toContain(7);
    sameChangedObjects(f);
  });

  it('a new appearance dictionary given to the widget itself: judged alike, as a form fill', async () => {
    const f = appendUpdate(twice, out('widget-ap-dict.pdf'), (r, n) => [
      [n, fieldAppearance('Mario Rossi')],
      [6, (r.latest.get(6) as PdfDict).clone().set('AP', new PdfDict().set('N', ref(n)))],
    ]);
    const r = await same(f);
    // an approval signature without field locks permits filling the form (its appearance included)
    const items = (r.signatures[0]!.modifications as unknown as { items: { rule: string; object: number }[] })
      .items;
    expect(items).toContainEqual(expect.objectContaining({ rule: 'form-fill', object: 6 }));
    sameChangedObjects(f);
  });

  it('a page added after both signatures: refused', async () => {
    const f = addPage(twice, out('page.pdf'), 'Pagina aggiunta');
    const r = await same(f);
    expect(r.signatures.map((s) => s.modifications?.allowed)).toEqual([false, false]);
    sameChangedObjects(f);
  });

  it('a later update with a damaged xref, rebuilt by scanning the file: judged alike', async () => {
    const f = replaceText(twice, out('damaged-src.pdf'), 1, 'Importo: 1.000.000 EUR');
    const bytes = readFileSync(f);
    // the last startxref points nowhere: every revision is rebuilt from the file's %%EOFs
    const at = bytes.lastIndexOf('startxref') + 'startxref'.length + 1;
    bytes.write('9', at, 'latin1');
    const damaged = out('damaged.pdf');
    writeFileSync(damaged, bytes);
    const r0 = PdfReader.open(damaged);
    try {
      expect(r0.reconstructed).toBe(true);
    } finally {
      r0.close();
    }
    const r = await same(damaged);
    expect(r.error).toBeNull();
    expect(r.signatures.map((s) => s.modifications?.allowed)).toEqual([false, false]);
    sameChangedObjects(damaged);
  });

  it('a changed type of a signed object (a page made a /Pages node) is refused alike', async () => {
    const f = pageMadeNode(twice, out('kids.pdf'));
    const r = await same(f);
    expect(r.signatures.map((s) => s.modifications?.allowed)).toEqual([false, false]);
    sameChangedObjects(f);
  });
});

describe('page lists of later signed revisions taken from the earlier walk only when the same', () => {
  let dir: string;
  let signed: string;
  const out = (f: string) => join(dir, f);

  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'pdf-fast-pages-'));
    signed = await signFile(fx.pki, formPdf(dir, 'form'), out('form-1.pdf'));
  });

  /** signs `f` again, so that the change in between is judged for the first signature with two signed walks */
  async function signedAgain(f: string): Promise<Report> {
    const again = await signFile(fx.pki, f, f.replace(/\.pdf$/, '-2.pdf'));
    return same(again);
  }

  it('a page added between the signatures: the second page list is walked again, the page refused', async () => {
    const r = await signedAgain(addPage(signed, out('added.pdf'), 'Pagina aggiunta'));
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid']);
    expect(r.signatures[0]!.modifications?.allowed).toBe(false);
  });

  it('a page leaf given a /Kids reference between the signatures: not taken as the same list', async () => {
    const f = appendUpdate(signed, out('kids-ref.pdf'), (r, n) => [
      [n, [ref(6)]],
      [4, (r.latest.get(4) as PdfDict).clone().set('Kids', ref(n))],
    ]);
    const r = await signedAgain(f);
    expect(r.signatures.map((s) => s.integrity)).toEqual(['valid', 'valid']);
    expect(r.signatures[0]!.modifications?.allowed).toBe(false);
  });

  it('a page made a /Pages node between the signatures: refused alike', async () => {
    const f = pageMadeNode(signed, out('node.pdf'));
    const r = await signedAgain(f);
    expect(r.signatures[0]!.modifications?.allowed).toBe(false);
  });

  it('only the page content changed between the signatures: the same list, the content refused', async () => {
    const r = await signedAgain(replaceText(signed, out('content.pdf'), 1, 'Importo: 1.000.000 EUR'));
    expect(r.signatures[0]!.modifications?.allowed).toBe(false);
    expect(r.signatures[0]!.modifications?.objects).toContain(5);
    expect(r.signatures[1]!.modifications).toBeNull();
  });
});
