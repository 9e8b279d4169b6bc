/**
 * The comparison itself (on the visual-diff thread): for each page, the final document rendered once and each
 * signature's revision (the byte prefix it covers, as it is) rendered and compared with it; pages that differ
 * get their changed regions and the side-by-side PNG, the others are identical. Pages beyond the page limit
 * are listed as not compared.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { composePng, composeSize } from './compose-png';
import { diffRasters } from './pixel-diff';
import type { PixelRect, Raster } from './raster';
import { changedRegions } from './regions';
import { openDocument, renderPage } from './render-page';
import type { VisualLimits } from './visual-limits';
import type { PageBox, SignatureVisual, VisualPage, VisualTarget } from './visual-types';

function toBox(r: PixelRect, raster: Raster): PageBox {
  const s = raster.scale;
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    x: round(r.x / s),
    y: round(raster.pageHeight - (r.y + r.height) / s),
    width: round(r.width / s),
    height: round(r.height / s),
  };
}

async function changedPage(
  page: number,
  before: Raster | null,
  after: Raster | null,
): Promise<VisualPage | null> {
  const shown = (after ?? before)!;
  let regions: PixelRect[];
  let fraction: number;
  let kind: VisualPage['kind'] = 'changed';
  if (before && after) {
    const mask = diffRasters(before, after);
    if (mask.changed === 0) return null;
    regions = changedRegions(mask);
    fraction = mask.changed / (mask.width * mask.height);
  } else {
    kind = before ? 'removed' : 'added';
    regions = [{ x: 0, y: 0, width: shown.width, height: shown.height }];
    fraction = 1;
  }
  const size = composeSize(before, after);
  return {
    page,
    kind,
    changedFraction: Math.round(fraction * 1e6) / 1e6,
    regions,
    boxes: regions.map((r) => toBox(r, shown)),
    scale: shown.scale,
    png: await composePng(before, after, regions),
    imageWidth: size.width,
    imageHeight: size.height,
  };
}

interface Revision {
  target: VisualTarget;
  doc: PDFDocumentProxy;
  result: SignatureVisual;
}

export async function compareRevisions(
  bytes: Uint8Array,
  targets: VisualTarget[],
  limits: VisualLimits,
): Promise<SignatureVisual[]> {
  const now = await openDocument(bytes, limits);
  const revisions: Revision[] = [];
  try {
    for (const target of targets) {
      const doc = await openDocument(bytes.subarray(0, target.coveredEnd), limits);
      revisions.push({
        target,
        doc,
        result: {
          signature: target.signature,
          coveredEnd: target.coveredEnd,
          pagesSigned: doc.numPages,
          pagesNow: now.numPages,
          pages: [],
          identical: [],
          notCompared: [],
        },
      });
    }
    const last = Math.max(now.numPages, ...revisions.map((r) => r.doc.numPages));
    for (let p = 1; p <= last; p++) {
      const after = p <= limits.maxPages && p <= now.numPages ? await renderPage(now, p, limits) : null;
      for (const r of revisions) {
        if (p > Math.max(now.numPages, r.doc.numPages)) continue;
        if (p > limits.maxPages) {
          r.result.notCompared.push(p);
          continue;
        }
        const before = p <= r.doc.numPages ? await renderPage(r.doc, p, limits) : null;
        const changed = await changedPage(p, before, after);
        if (changed) r.result.pages.push(changed);
        else r.result.identical.push(p);
      }
    }
    return revisions.map((r) => r.result);
  } finally {
    for (const r of revisions) await r.doc.destroy();
    await now.destroy();
  }
}
