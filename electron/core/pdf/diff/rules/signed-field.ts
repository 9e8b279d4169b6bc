/**
 * A signature field of the signed revision that is not being signed now — already signed, or still empty and
 * left empty — is settled. pyHanko's SigFieldModificationRule lets only /Ff and a missing /Type /Annot change
 * on such a field ("the state of the field better didn't change at all": its /AP, /F, /AS, /V … are whitelisted
 * only when the field goes from empty to signed); DSS's filter counts an annotation's later appearance change
 * as an undefined change. So its value, appearance, rectangle, flags and appearance characteristics stay what
 * the signed revision had: each other key changed is refused and named, a replaced value as a replaced
 * signature. The widget of a field with /Kids is judged by its field's value (inherited /V).
 */
import { isName, type PdfDict, type PdfValue } from '../../pdf-objects';
import { msg, type DiffContext, type Where } from '../context';
import { judgeGrowingArray } from './growing-array';
import { fieldValue } from './sig-field-state';

/** keys that change what a widget shows (ISO 32000-1 §12.5.2, §12.5.6.19, §12.7.3) */
const DISPLAY_KEYS = new Set(['AP', 'AS', 'Rect', 'F', 'MK', 'BS', 'Border', 'C', 'DA', 'Q', 'OC']);

/**
 * annotation flags that only lock (ReadOnly 64, Locked 128, LockedContents 512, ISO 32000-1 table 165): Adobe
 * Sign sets them on signed fields when it certifies (DSS's corpus file dss-2236), and DSS ignores /F changes
 * altogether. Every other bit — Invisible, Hidden, Print, NoZoom, NoRotate, NoView, ToggleNoView — changes
 * what is shown or printed.
 */
const LOCK_FLAGS = 64 | 128 | 512;

/** a flags value as the 32-bit integer it is (absent: 0); undefined for anything else */
function flags(v: PdfValue | undefined): number | undefined {
  if (v === undefined) return 0;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 2 ** 31 ? v : undefined;
}

/** the widget's flags changed in lock bits only */
function onlyLockFlags(a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  const x = flags(a);
  const y = flags(b);
  return x !== undefined && y !== undefined && ((x ^ y) & ~LOCK_FLAGS) === 0;
}

export function judgeSettledSignatureField(
  ctx: DiffContext,
  oldD: PdfDict,
  newD: PdfDict,
  keys: string[],
  where: Where,
): void {
  const f = where.name ?? '';
  const signed = fieldValue(ctx.old, oldD) !== undefined;
  for (const k of keys) {
    if (k === 'Ff') continue;
    if (k === 'Type' && !oldD.has('Type') && isName(newD.get('Type'), 'Annot')) continue;
    if (k === 'Kids') {
      judgeGrowingArray(ctx, oldD.get(k), newD.get(k), where);
      continue;
    }
    if (k === 'F' && onlyLockFlags(oldD.get('F'), newD.get('F'))) {
      ctx.allow(
        'signature',
        'signed-field',
        msg(
          {
            it: 'campo firma «{f}» bloccato (flag {a} → {b})',
            en: 'signature field "{f}" locked (flags {a} → {b})',
          },
          { f, a: String(oldD.get('F') ?? 0), b: String(newD.get('F') ?? 0) },
        ),
        where,
      );
      continue;
    }
    if (k === 'V' && signed) {
      ctx.deny(
        'signature-replaced',
        'signature-field',
        msg(
          {
            it: 'firma esistente sostituita nel campo «{f}»',
            en: 'existing signature replaced in field "{f}"',
          },
          { f },
        ),
        where,
      );
      continue;
    }
    ctx.deny(
      DISPLAY_KEYS.has(k) ? 'appearance' : 'object',
      'signed-field',
      msg(
        signed
          ? {
              it: 'campo firma «{f}», già firmato: /{k} modificato',
              en: 'signature field "{f}", already signed: /{k} changed',
            }
          : {
              it: 'campo firma vuoto «{f}»: /{k} modificato senza firmarlo',
              en: 'empty signature field "{f}": /{k} changed without signing it',
            },
        { f, k },
      ),
      where,
    );
  }
}
