/**
 * Reads a visual-diff PNG back with the core's own PNG decoder (not the canvas that wrote it) and finds the red
 * outline drawn in the third panel: its bounds in the page's pixels.
 */
import { decodePng } from '../../../electron/core/pdf/png-image';
import { BORDER } from '../../../electron/core/pdf/visual/compose-png';

export interface RedBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** bounds of the pure-red outline pixels in the right panel, in that panel's pixels; null when none */
export function redOutline(png: Uint8Array): { width: number; height: number; box: RedBox | null } {
  const img = decodePng(png);
  const panel = (img.width - 4 * BORDER) / 3;
  const left = 3 * BORDER + 2 * panel;
  let box: RedBox | null = null;
  for (let y = 0; y < img.height; y++) {
    for (let x = left; x < img.width; x++) {
      const i = (y * img.width + x) * 3;
      if (img.rgb[i]! > 200 && img.rgb[i + 1]! < 60 && img.rgb[i + 2]! < 60) {
        const px = x - left;
        const py = y - BORDER;
        box = box
          ? {
              x0: Math.min(box.x0, px),
              y0: Math.min(box.y0, py),
              x1: Math.max(box.x1, px),
              y1: Math.max(box.y1, py),
            }
          : { x0: px, y0: py, x1: px, y1: py };
      }
    }
  }
  return { width: img.width, height: img.height, box };
}
