/** What the visual comparison of a signature's revision with the final document answers (issue 23). */
import type { PixelRect } from './raster';

/** a rectangle in PDF points on the displayed page, origin bottom-left (as the visible signature's box) */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface VisualPage {
  /** 1-based page */
  page: number;
  /** changed: differs; added: only in the final document; removed: only in the signed revision */
  kind: 'changed' | 'added' | 'removed';
  /** changed pixels / page pixels (1 for a page added or removed) */
  changedFraction: number;
  /** the changed regions in the rendering's pixels (top-left origin) */
  regions: PixelRect[];
  /** the same regions in PDF points */
  boxes: PageBox[];
  /** pixels per point of the rendering */
  scale: number;
  /** the side-by-side PNG: signed revision | now | differences outlined */
  png: Uint8Array;
  imageWidth: number;
  imageHeight: number;
}

export interface SignatureVisual {
  /** 1-based signature, in the report's order */
  signature: number;
  /** bytes of the revision the signature covers */
  coveredEnd: number;
  pagesSigned: number;
  pagesNow: number;
  /** pages that differ visibly, in page order */
  pages: VisualPage[];
  /** pages compared and found identical */
  identical: number[];
  /** pages beyond the page limit */
  notCompared: number[];
}

/** one signature to compare: its index and the end of the byte prefix it covers */
export interface VisualTarget {
  signature: number;
  coveredEnd: number;
}
