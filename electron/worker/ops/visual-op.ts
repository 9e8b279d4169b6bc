/**
 * The visual comparison of a verified PDF (issue 23) in the card worker: pdf.js renders on a limited thread of
 * this process (core/pdf/visual), never in the window or the main process; the PNGs go back as data: URLs.
 */
import { visualDiff as compare, visualTargets } from '../../core/pdf/visual/visual-diff';
import type { WorkerOp } from '../op-types';

export const visualDiff: WorkerOp<'visualDiff'> = async (p, ctx) => {
  const result = await compare(p.file, visualTargets(p.signatures), { signal: ctx.signal });
  return {
    file: p.file,
    signatures: result.map((s) => ({
      signature: s.signature,
      pagesSigned: s.pagesSigned,
      pagesNow: s.pagesNow,
      identical: s.identical,
      notCompared: s.notCompared,
      pages: s.pages.map((page) => ({
        page: page.page,
        kind: page.kind,
        changedFraction: page.changedFraction,
        boxes: page.boxes,
        image: `data:image/png;base64,${Buffer.from(page.png).toString('base64')}`,
        imageWidth: page.imageWidth,
        imageHeight: page.imageHeight,
      })),
    })),
  };
};
