/**
 * Whether an annotation or widget shows anything, on screen or on paper (ISO 32000-1 §12.5.3, table 165):
 * Hidden hides it everywhere; NoView hides it on screen only, and with Print set it is still printed — an
 * overlay. One definition for every rule that asks.
 */
import { asArray, asNumber, type PdfDict, type PdfValue } from '../../pdf-objects';
import type { DiffContext } from '../context';

const HIDDEN = 2;
const PRINT = 4;
const NO_VIEW = 32;

/** hidden: /F Hidden, or NoView without Print (neither shown nor printed) */
export function isHidden(d: PdfDict | undefined): boolean {
  const flags = d?.get('F');
  if (typeof flags !== 'number') return false;
  return (flags & HIDDEN) !== 0 || ((flags & NO_VIEW) !== 0 && (flags & PRINT) === 0);
}

/** a widget drawn on its page: a /Rect of some area, not hidden (a field dictionary without /Rect: no) */
export function isVisible(ctx: DiffContext, d: PdfDict | undefined): boolean {
  if (!d || isHidden(d)) return false;
  let rect: number[] = [];
  try {
    rect = (asArray(ctx.now.resolve(d.get('Rect'))) ?? []).map((x) => asNumber(ctx.now.resolve(x)) ?? 0);
  } catch {
    return true;
  }
  if (rect.length < 4) return false;
  return Math.abs(rect[2]! - rect[0]!) > 0 && Math.abs(rect[3]! - rect[1]!) > 0;
}

/** a field or any widget in its /Kids is visible */
export function anyWidgetVisible(ctx: DiffContext, d: PdfDict | undefined): boolean {
  if (isVisible(ctx, d)) return true;
  let kids: PdfValue[] = [];
  try {
    kids = asArray(ctx.now.resolve(d?.get('Kids'))) ?? [];
  } catch {
    return true;
  }
  return kids.some((k) => isVisible(ctx, ctx.newDict(k)));
}
