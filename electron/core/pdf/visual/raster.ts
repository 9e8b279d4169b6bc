/** A rendered page: RGBA pixels plus the scale and size of the page in PDF points. */
export interface Raster {
  width: number;
  height: number;
  /** RGBA, row by row, width × height × 4 bytes */
  data: Uint8ClampedArray;
  /** pixels per PDF point */
  scale: number;
  /** the page (its view box after /Rotate) in points */
  pageWidth: number;
  pageHeight: number;
}

/** a rectangle in pixels, top-left origin */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}
