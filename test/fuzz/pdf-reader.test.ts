/**
 * Fuzzing the PDF signature parser and the incremental-update reader on mutated signed PDFs (classic xref
 * table and xref stream + object streams, two revisions): open, list the signatures, check their byte
 * ranges and read every earlier revision — a result or a SigilloError, under a second each.
 */
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { checkByteRange, revisionEnds } from '../../electron/core/pdf/byte-range-check';
import { BufferSource } from '../../electron/core/pdf/file-source';
import { signPades } from '../../electron/core/sign/pades-sign';
import { analyseModifications } from '../../electron/core/pdf/diff/analyse';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { findSignatures } from '../../electron/core/pdf/pdf-signatures';
import { SigilloError } from '../../electron/core/errors';
import { withObjectStreams, writeHandwritten } from '../pdf/support/make-pdf';
import { fileSigner } from '../pdf/support/signers';
import { corpusFiles, fuzzTimeout, mutatedArb, runs, saveCrasher, structured } from './fuzz-support';

const fx = inject('fixture');

/** Everything verification reads from a PDF before the CMS part. */
function readAll(bytes: Uint8Array): number {
  const src = new BufferSource(bytes);
  const reader = PdfReader.fromSource(src);
  try {
    const sigs = findSignatures(reader);
    const ends = revisionEnds(reader.sections);
    for (const sig of sigs) checkByteRange(sig, src, reader.sections);
    for (const [i, r] of ends.entries()) {
      const store = reader.storeAt(r.end);
      reader.catalog(store);
      if (i < ends.length - 1) analyseModifications(reader, r.end, ends.length - 1 - i);
    }
    return sigs.length;
  } finally {
    reader.close();
  }
}

async function sign(input: string, output: string): Promise<Uint8Array> {
  await signPades({ input, output, overwrite: false, digest: 'sha256', signer: fileSigner(fx.pki) });
  return new Uint8Array(readFileSync(output));
}

describe('fuzz: PDF signature parser and incremental-update reader', () => {
  let bases: Uint8Array[];

  beforeAll(async () => {
    const dir = mkdtempSync(join(fx.root, 'fuzz-pdf-'));
    const classic = await sign(writeHandwritten(join(dir, 'a.pdf'), { pages: 2 }), join(dir, 'a-signed.pdf'));
    const twice = await sign(join(dir, 'a-signed.pdf'), join(dir, 'a-signed-2.pdf'));
    const os = withObjectStreams(writeHandwritten(join(dir, 'b0.pdf')), join(dir, 'b.pdf'));
    const streams = await sign(os, join(dir, 'b-signed.pdf'));
    bases = [classic, twice, streams];
  });

  it('reads the base inputs (valid, signed once or twice)', () => {
    expect(bases.map(readAll)).toEqual([1, 2, 1]);
  });

  it(
    'mutated signed PDFs: a result or a SigilloError, under 1 s each',
    { timeout: fuzzTimeout(300) },
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedArb(bases), async (bytes) => {
          try {
            await structured(() => readAll(bytes));
          } catch (e) {
            saveCrasher('pdf', bytes);
            throw e;
          }
        }),
        { numRuns: runs(300) },
      );
    },
  );

  it('xref loops and wild offsets: /Prev pointing at itself, startxref past the end', async () => {
    const b = Buffer.from(bases[1]!);
    const text = b.toString('latin1');
    const last = text.lastIndexOf('startxref');
    const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(last))![1]);
    const looped = Buffer.from(text.replace(/\/Prev \d+/g, `/Prev ${startxref}`), 'latin1');
    const past = Buffer.from(text.slice(0, last) + 'startxref\n999999999999\n%%EOF\n', 'latin1');
    for (const m of [looped, past]) {
      const r = await structured(() => readAll(m));
      if (r instanceof SigilloError) expect(r.code).toMatch(/^PDF_|NOT_A_PDF/);
    }
  });

  it('regression corpus (test/fuzz/corpus/pdf): a result or a SigilloError', async () => {
    for (const { bytes } of corpusFiles('pdf')) await structured(() => readAll(bytes));
  });
});
