/**
 * The visual comparison's bounds (issue 23): a page whose drawing takes too long ends with VISUAL_DIFF_TIMEOUT
 * and a thread out of heap with VISUAL_DIFF_TOO_LARGE, both promptly; pages beyond the page limit are listed as
 * not compared; a file pdf.js cannot read gets VISUAL_DIFF_UNREADABLE. Plus the pixel diff and region merging.
 */
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { visualDiff } from '../../electron/core/pdf/visual/visual-diff';
import { diffRasters } from '../../electron/core/pdf/visual/pixel-diff';
import { changedRegions } from '../../electron/core/pdf/visual/regions';
import type { Raster } from '../../electron/core/pdf/visual/raster';
import { PdfDict, PdfStream, name } from '../../electron/core/pdf/pdf-objects';
import { writeHandwritten } from './support/make-pdf';
import { signFile } from './support/signers';
import { appendUpdate } from './support/append-update';
import { pageObject } from './support/alterations';

const fx = inject('fixture');

/** page 1's content replaced by `ops` drawing operators, deflated (a small file, a long drawing) */
function slowPage(input: string, output: string, ops: number): string {
  const data = deflateSync(Buffer.from('0 0 1 RG '.concat('10 10 500 800 re S '.repeat(ops)), 'latin1'));
  const dict = new PdfDict().set('Filter', name('FlateDecode'));
  return appendUpdate(input, output, () => [[pageObject(1) + 1, new PdfStream(dict, -1, data.length, data)]]);
}

function raster(w: number, h: number, paint?: (x: number, y: number) => number): Raster {
  const data = new Uint8ClampedArray(w * h * 4).fill(255);
  if (paint)
    for (let y = 0; y < h; y++)
      for (let x = 0; x < w; x++) {
        const v = paint(x, y);
        data.set([v, v, v], (y * w + x) * 4);
      }
  return { width: w, height: h, data, scale: 1, pageWidth: w, pageHeight: h };
}

describe('visual diff limits', () => {
  let dir: string;
  let signed: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(fx.root, 'visual-limits-'));
    signed = await signFile(
      fx.pki,
      writeHandwritten(join(dir, 'four.pdf'), { pages: 4 }),
      join(dir, 'four-signed.pdf'),
    );
  });

  /** the first signature covers the signed file's bytes, whatever came after */
  const target = () => [{ signature: 1, coveredEnd: statSync(signed).size }];

  it('a drawing that takes too long is stopped with VISUAL_DIFF_TIMEOUT, no hang', async () => {
    const slow = slowPage(signed, join(dir, 'slow.pdf'), 1_500_000);
    const t0 = Date.now();
    await expect(visualDiff(slow, target(), { limits: { timeoutMs: 1500 } })).rejects.toMatchObject({
      code: 'VISUAL_DIFF_TIMEOUT',
    });
    expect(Date.now() - t0).toBeLessThan(5000);
  });

  it('a thread out of heap ends with VISUAL_DIFF_TOO_LARGE', async () => {
    const slow = join(dir, 'slow.pdf');
    await expect(visualDiff(slow, target(), { limits: { heapMb: 4 } })).rejects.toMatchObject({
      code: 'VISUAL_DIFF_TOO_LARGE',
    });
  });

  it('a file over the size limit is refused before any rendering', async () => {
    await expect(visualDiff(signed, target(), { limits: { maxFileBytes: 1000 } })).rejects.toMatchObject({
      code: 'VISUAL_DIFF_TOO_LARGE',
    });
  });

  it('pages beyond the limit are not compared', async () => {
    const v = await visualDiff(signed, target(), { limits: { maxPages: 2 } });
    expect(v[0]!.identical).toEqual([1, 2]);
    expect(v[0]!.notCompared).toEqual([3, 4]);
    expect(v[0]!.pages).toEqual([]);
  });

  it('a file pdf.js cannot read gets VISUAL_DIFF_UNREADABLE', async () => {
    const junk = join(dir, 'junk.pdf');
    writeFileSync(junk, Buffer.alloc(4000, 0x41));
    await expect(visualDiff(junk, [{ signature: 1, coveredEnd: 2000 }])).rejects.toMatchObject({
      code: 'VISUAL_DIFF_UNREADABLE',
    });
  });

  it('pixel diff: a one-pixel shift of an edge is anti-aliasing, a new block is a change', () => {
    const a = raster(64, 64, (x) => (x < 20 ? 0 : 255));
    const shifted = raster(64, 64, (x) => (x < 21 ? 0 : 255));
    expect(diffRasters(a, shifted).changed).toBe(0);
    const block = raster(64, 64, (x, y) => (x < 20 || (x >= 40 && x < 50 && y >= 30 && y < 36) ? 0 : 255));
    const m = diffRasters(a, block);
    expect(m.changed).toBe(60);
    expect(changedRegions(m)).toEqual([{ x: 40, y: 30, width: 10, height: 6 }]);
  });

  it('regions: near changes merge into one rectangle, distant ones stay apart', () => {
    const base = raster(200, 100);
    const two = raster(200, 100, (x, y) =>
      (x >= 10 && x < 20 && y >= 10 && y < 20) ||
      (x >= 25 && x < 30 && y >= 10 && y < 20) ||
      (x >= 150 && y >= 80)
        ? 0
        : 255,
    );
    expect(changedRegions(diffRasters(base, two))).toEqual([
      { x: 10, y: 10, width: 20, height: 10 },
      { x: 150, y: 80, width: 50, height: 20 },
    ]);
  });
});
