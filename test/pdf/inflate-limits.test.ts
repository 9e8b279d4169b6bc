/**
 * Flate bombs (issue 19): one stream may decode to at most 64 MiB, all the streams of a file to a budget that
 * grows with its size; nested filters count at every stage; hostile predictor parameters allocate nothing.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { SigilloError } from '../../electron/core/errors';
import { decodeStream, InflateBudget } from '../../electron/core/pdf/flate';
import { name, PdfDict, PdfStream } from '../../electron/core/pdf/pdf-objects';
import { PdfReader } from '../../electron/core/pdf/pdf-reader';
import { bomb, filters, stream, tablePdf } from './support/hostile-pdf';

const fx = inject('fixture');
const MIB = 1 << 20;

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(SigilloError);
    return (e as SigilloError).code;
  }
}

const flate = new PdfDict().set('Filter', name('FlateDecode'));

describe('inflate limits', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(fx.root, 'pdf-inflate-'));
  });

  it('a page content stream that decodes to 80 MiB is refused when read (PDF_INFLATE_LIMIT)', () => {
    const f = join(dir, 'content-bomb.pdf');
    writeFileSync(
      f,
      tablePdf([
        { num: 1, body: '<< /Type /Catalog /Pages 2 0 R >>' },
        { num: 2, body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
        { num: 3, body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>' },
        { num: 4, body: stream(filters(2), bomb(80 * MIB)) },
      ]),
    );
    const r = PdfReader.open(f);
    try {
      expect(codeOf(() => r.decoded(r.latest.get(4) as PdfStream))).toBe('PDF_INFLATE_LIMIT');
    } finally {
      r.close();
    }
  });

  it('a stream just under the per-stream cap decodes', () => {
    expect(decodeStream(flate, deflateSync(Buffer.alloc(MIB))).length).toBe(MIB);
  });

  it('the per-file budget is shared by all streams, nested filters count at every stage', () => {
    const budget = new InflateBudget(3 * MIB);
    const one = deflateSync(Buffer.alloc(MIB));
    decodeStream(flate, one, budget);
    decodeStream(flate, one, budget);
    expect(codeOf(() => decodeStream(flate, one, budget))).toBe(undefined);
    expect(codeOf(() => decodeStream(flate, one, budget))).toBe('PDF_INFLATE_LIMIT');
    const twice = new PdfDict().set('Filter', [name('FlateDecode'), name('FlateDecode')]);
    expect(
      codeOf(() =>
        decodeStream(twice, deflateSync(deflateSync(Buffer.alloc(2 * MIB))), new InflateBudget(2 * MIB)),
      ),
    ).toBe('PDF_INFLATE_LIMIT');
  });

  it('hostile PNG predictor parameters: a clean error or nothing decoded, no huge row buffer', () => {
    const data = deflateSync(Buffer.alloc(64));
    const parms = (p: Record<string, number>) =>
      new PdfDict().set('Filter', name('FlateDecode')).set('DecodeParms', new PdfDict(Object.entries(p)));
    expect(decodeStream(parms({ Predictor: 12, Columns: 1e15 }), data).length).toBe(0);
    const bad: Record<string, number>[] = [
      { Predictor: 12, Columns: -3 },
      { Predictor: 12, Columns: 1.5 },
      { Predictor: 12, Colors: 1e9 },
    ];
    for (const p of bad) {
      expect(codeOf(() => decodeStream(parms(p), data))).toBe('PDF_BROKEN');
    }
  });
});
