/** `--visible PAGE,X,Y,W,H`: where a visible signature goes (kept light: option parsing loads no PDF code). */
import { failure } from '../errors';

export interface VisibleRect {
  page: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function parseVisibleSpec(spec: string): VisibleRect {
  const parts = spec.split(',').map((s) => s.trim());
  const nums = parts.map(Number);
  const [page, x, y, width, height] = nums;
  const ok =
    nums.length === 5 &&
    nums.every((n) => Number.isFinite(n)) &&
    Number.isInteger(page) &&
    page! >= 1 &&
    width! > 0 &&
    height! > 0 &&
    x! >= 0 &&
    y! >= 0 &&
    width! <= 14400 &&
    height! <= 14400;
  if (!ok) {
    throw failure('BAD_VISIBLE_SPEC', { spec });
  }
  return { page: page!, x: x!, y: y!, width: width!, height: height! };
}
