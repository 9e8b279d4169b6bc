/**
 * Changed pixels grouped into rectangles: the mask is reduced to cells of CELL pixels, cells touching (8-way,
 * after growing each by the merge gap) form one region, and regions whose rectangles overlap or come closer
 * than the gap are merged until none do. The rectangles are tight around the changed pixels.
 */
import { MERGE_GAP } from './visual-limits';
import type { DiffMask } from './pixel-diff';
import type { PixelRect } from './raster';

const CELL = 8;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** exact bounds of the changed pixels of each cell (x1/y1 exclusive); null for an unchanged cell */
function cellBoxes(m: DiffMask, cols: number, rows: number): (Box | null)[] {
  const boxes: (Box | null)[] = new Array<Box | null>(cols * rows).fill(null);
  for (let y = 0; y < m.height; y++) {
    const row = y * m.width;
    for (let x = 0; x < m.width; x++) {
      if (!m.mask[row + x]) continue;
      const k = Math.floor(y / CELL) * cols + Math.floor(x / CELL);
      const b = boxes[k];
      if (!b) boxes[k] = { x0: x, y0: y, x1: x + 1, y1: y + 1 };
      else {
        b.x0 = Math.min(b.x0, x);
        b.y0 = Math.min(b.y0, y);
        b.x1 = Math.max(b.x1, x + 1);
        b.y1 = Math.max(b.y1, y + 1);
      }
    }
  }
  return boxes;
}

function union(a: Box, b: Box): Box {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

function near(a: Box, b: Box, gap: number): boolean {
  return a.x0 - gap < b.x1 && b.x0 - gap < a.x1 && a.y0 - gap < b.y1 && b.y0 - gap < a.y1;
}

/** connected groups of changed cells (cells within `reach` cells count as touching) */
function components(boxes: (Box | null)[], cols: number, rows: number, reach: number): Box[] {
  const seen = new Uint8Array(boxes.length);
  const out: Box[] = [];
  for (let k = 0; k < boxes.length; k++) {
    if (!boxes[k] || seen[k]) continue;
    seen[k] = 1;
    let box = boxes[k]!;
    const stack = [k];
    while (stack.length) {
      const at = stack.pop()!;
      const cx = at % cols;
      const cy = (at - cx) / cols;
      for (let dy = -reach; dy <= reach; dy++) {
        for (let dx = -reach; dx <= reach; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue;
          const n = ny * cols + nx;
          if (seen[n] || !boxes[n]) continue;
          seen[n] = 1;
          box = union(box, boxes[n]!);
          stack.push(n);
        }
      }
    }
    out.push(box);
  }
  return out;
}

/** merges boxes closer than `gap` until none are */
function mergeNear(boxes: Box[], gap: number): Box[] {
  let list = boxes;
  for (let merged = true; merged;) {
    merged = false;
    const next: Box[] = [];
    for (const b of list) {
      const i = next.findIndex((n) => near(n, b, gap));
      if (i < 0) next.push(b);
      else {
        next[i] = union(next[i]!, b);
        merged = true;
      }
    }
    list = next;
  }
  return list;
}

export function changedRegions(m: DiffMask, gap = MERGE_GAP): PixelRect[] {
  if (m.changed === 0) return [];
  const cols = Math.ceil(m.width / CELL);
  const rows = Math.ceil(m.height / CELL);
  const reach = Math.max(1, Math.ceil(gap / CELL));
  const boxes = mergeNear(components(cellBoxes(m, cols, rows), cols, rows, reach), gap);
  return boxes
    .map((b) => ({ x: b.x0, y: b.y0, width: b.x1 - b.x0, height: b.y1 - b.y0 }))
    .sort((a, b) => a.y - b.y || a.x - b.x);
}
