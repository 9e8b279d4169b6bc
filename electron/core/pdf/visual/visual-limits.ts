/**
 * Bounds of the visual comparison of PDF revisions (issue 23): pages compared, resolution, time and memory. A
 * hostile document meets one of them and gets an error code (or pages "not compared"), never a hang.
 */
export interface VisualLimits {
  /** pages compared per signature; later pages are listed as not compared */
  maxPages: number;
  /** scale of the rendering (1 = 72 dpi) when the page fits maxSide */
  scale: number;
  /** longest side of a rendered page, pixels */
  maxSide: number;
  /** wall-clock time of the whole comparison, milliseconds */
  timeoutMs: number;
  /** V8 heap of the rendering thread, MiB */
  heapMb: number;
  /** pixels of one image inside a page (pdf.js maxImageSize) */
  maxImagePixels: number;
  /** bytes of the file: pdf.js holds each compared revision in memory */
  maxFileBytes: number;
}

export const VISUAL_LIMITS: VisualLimits = {
  maxPages: 50,
  scale: 1.5,
  maxSide: 1600,
  timeoutMs: 60_000,
  heapMb: 768,
  maxImagePixels: 4096 * 4096,
  maxFileBytes: 256 * 1024 * 1024,
};

/** a per-channel difference at or below this is no change (colour management, rounding) */
export const CHANNEL_TOLERANCE = 40;
/** gap in pixels under which two changed regions are drawn as one rectangle */
export const MERGE_GAP = 12;
