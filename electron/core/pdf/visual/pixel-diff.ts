/**
 * Pixel comparison of two renderings of a page: a pixel changed when a channel differs by more than the
 * tolerance and the difference is not an anti-aliasing shift (the same colour within one pixel in the other
 * rendering, both ways). Pages of different sizes are compared over both, white outside a page.
 */
import { CHANNEL_TOLERANCE } from './visual-limits';
import type { Raster } from './raster';

export interface DiffMask {
  width: number;
  height: number;
  /** 1 where the pixel changed (empty when nothing changed) */
  mask: Uint8Array;
  changed: number;
}

const WHITE = [255, 255, 255, 255] as const;

function pixel(r: Raster, x: number, y: number, c: number): number {
  if (x < 0 || y < 0 || x >= r.width || y >= r.height) return WHITE[c]!;
  return r.data[(y * r.width + x) * 4 + c]!;
}

function close(a: Raster, ax: number, ay: number, b: Raster, bx: number, by: number, tol: number): boolean {
  for (let c = 0; c < 4; c++) if (Math.abs(pixel(a, ax, ay, c) - pixel(b, bx, by, c)) > tol) return false;
  return true;
}

/** true when a's pixel (x, y) has a close match in b within one pixel */
function nearMatch(a: Raster, b: Raster, x: number, y: number, tol: number): boolean {
  for (let dy = -1; dy <= 1; dy++)
    for (let dx = -1; dx <= 1; dx++) if (close(a, x, y, b, x + dx, y + dy, tol)) return true;
  return false;
}

/** whole pixels as 32-bit words, when the buffer allows the view */
function words(r: Raster): Uint32Array | null {
  const d = r.data;
  return d.byteOffset % 4 === 0 ? new Uint32Array(d.buffer, d.byteOffset, r.width * r.height) : null;
}

export function diffRasters(a: Raster, b: Raster, tol = CHANNEL_TOLERANCE): DiffMask {
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  const sameSize = a.width === b.width && a.height === b.height;
  const bytes = (r: Raster) => Buffer.from(r.data.buffer, r.data.byteOffset, r.data.byteLength);
  // an identical page (the common case) is one memory comparison
  if (sameSize && bytes(a).equals(bytes(b))) return { width, height, mask: new Uint8Array(0), changed: 0 };
  const mask = new Uint8Array(width * height);
  let changed = 0;
  // equal pixels are skipped a word at a time: most of a page is equal
  const wa = sameSize ? words(a) : null;
  const wb = sameSize ? words(b) : null;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = y * width + x;
      if (wa && wb && wa[k] === wb[k]) continue;
      if (close(a, x, y, b, x, y, tol)) continue;
      // anti-aliasing: an edge drawn one pixel off is no change
      if (nearMatch(a, b, x, y, tol) && nearMatch(b, a, x, y, tol)) continue;
      mask[k] = 1;
      changed++;
    }
  }
  return { width, height, mask, changed };
}
