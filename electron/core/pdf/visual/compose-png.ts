/**
 * The side-by-side PNG of one page: signed revision | now | now with the changed rectangles outlined in red.
 * A page missing on one side (added or removed after signing) is a grey panel there. Image size: 3 × the page
 * width + 4 borders, the page height + 2 borders (the wider/taller rendering when the two differ).
 */
import { createCanvas, ImageData, type SKRSContext2D } from '@napi-rs/canvas';
import type { PixelRect, Raster } from './raster';

export const BORDER = 16;
const BACKGROUND = '#c8ccd2';
const MISSING = '#9aa0a8';
const RED = '#e01b24';

function drawPanel(ctx: SKRSContext2D, r: Raster | null, x: number, w: number, h: number): void {
  if (!r) {
    ctx.fillStyle = MISSING;
    ctx.fillRect(x, BORDER, w, h);
    return;
  }
  ctx.putImageData(new ImageData(r.data, r.width, r.height), x, BORDER);
}

export function composeSize(before: Raster | null, after: Raster | null): { width: number; height: number } {
  const w = Math.max(before?.width ?? 0, after?.width ?? 0, 1);
  const h = Math.max(before?.height ?? 0, after?.height ?? 0, 1);
  return { width: 3 * w + 4 * BORDER, height: h + 2 * BORDER };
}

/** the PNG bytes; `rects` are in the pages' pixels (top-left origin) */
export async function composePng(
  before: Raster | null,
  after: Raster | null,
  rects: PixelRect[],
): Promise<Buffer> {
  const size = composeSize(before, after);
  const w = (size.width - 4 * BORDER) / 3;
  const h = size.height - 2 * BORDER;
  const canvas = createCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = BACKGROUND;
  ctx.fillRect(0, 0, size.width, size.height);
  const third = 3 * BORDER + 2 * w;
  drawPanel(ctx, before, BORDER, w, h);
  drawPanel(ctx, after, 2 * BORDER + w, w, h);
  drawPanel(ctx, after ?? before, third, w, h);
  ctx.fillStyle = 'rgba(224, 27, 36, 0.18)';
  ctx.strokeStyle = RED;
  ctx.lineWidth = 3;
  for (const r of rects) {
    const x = third + r.x - 3;
    const y = BORDER + r.y - 3;
    ctx.fillRect(x, y, r.width + 6, r.height + 6);
    ctx.strokeRect(x, y, r.width + 6, r.height + 6);
  }
  return canvas.encode('png');
}
