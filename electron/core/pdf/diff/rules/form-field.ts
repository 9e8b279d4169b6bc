/**
 * An existing form field or widget: filling it changes /V, /AS and /AP only (new appearance streams: an old
 * stream overwritten in place is refused by its own role). Always reported; refused under DocMDP P=1 and for
 * fields locked by the signature's FieldMDP. A signature field may receive its first value (a new signature)
 * with its appearance; a signature field not signed now is settled (signed-field.ts).
 */
import { PdfDict, PdfRef, type PdfValue } from '../../pdf-objects';
import { changedKeys } from '../../pdf-diff';
import { msg, type DiffContext, type Where } from '../context';
import { judgeGrowingArray } from './growing-array';
import { judgeSignatureValue } from './signature-value';
import { judgeSettledSignatureField } from './signed-field';
import { signedNow } from './sig-field-state';

const FILL_KEYS = new Set(['V', 'AS', 'AP']);
const SIG_KEYS = new Set(['V', 'AS', 'AP', 'F', 'Lock', 'SV', 'Ff']);

export function judgeField(
  ctx: DiffContext,
  oldD: PdfDict,
  newD: PdfDict,
  type: string | undefined,
  where: Where,
): void {
  const keys = changedKeys(ctx.reader, oldD, newD);
  const sig = type === 'Sig';
  if (sig && !signedNow(ctx, oldD, newD)) return judgeSettledSignatureField(ctx, oldD, newD, keys, where);
  const free = sig ? SIG_KEYS : FILL_KEYS;
  const f = where.name ?? '';
  if (keys.includes('AP')) judgeNewAppearance(ctx, oldD.get('AP'), newD.get('AP'), where);
  for (const k of keys) {
    if (k === 'Kids') judgeGrowingArray(ctx, oldD.get(k), newD.get(k), where);
    else if (!free.has(k))
      ctx.deny(
        'object',
        'form-field',
        msg({ it: 'campo «{f}»: /{k} modificato', en: 'field "{f}": /{k} changed' }, { f, k }),
        where,
      );
  }
  if (sig) {
    // signed now: the value is judged where it was set (the field itself; a widget kid's parent)
    if (keys.includes('V')) judgeSignatureValue(ctx, newD.get('V'), where);
    return;
  }
  // a locked field may not change at all: its appearance, flags or widgets are what it shows
  if (!keys.some((k) => FILL_KEYS.has(k)) && !(keys.length > 0 && ctx.locked(f))) return;
  judgeFill(ctx, where);
}

/** the appearance streams of an /AP dictionary (/N, /R, /D, directly or per state) */
function appearanceRefs(ctx: DiffContext, ap: PdfValue | undefined, store: 'old' | 'now'): PdfRef[] {
  const out: PdfRef[] = ap instanceof PdfRef ? [ap] : [];
  const d = store === 'old' ? ctx.oldDict(ap) : ctx.newDict(ap);
  for (const k of ['N', 'R', 'D']) {
    const v = d?.get(k);
    if (v instanceof PdfRef) out.push(v);
    else if (v instanceof PdfDict)
      v.forEach((x) => {
        if (x instanceof PdfRef) out.push(x);
      });
  }
  return out;
}

/**
 * A new appearance must be made of new streams (pyHanko's rule): pointing a widget at a stream of the signed
 * revision — another page's content, another field's look — shows signed material somewhere it was not.
 */
function judgeNewAppearance(
  ctx: DiffContext,
  oldAp: PdfValue | undefined,
  newAp: PdfValue | undefined,
  where: Where,
): void {
  if (oldAp instanceof PdfRef && !(newAp instanceof PdfRef && newAp.num === oldAp.num)) {
    // pyHanko: an indirect appearance dictionary may be replaced only when this field was its sole user
    const users = ctx.roles.get(oldAp.num) ?? [];
    if (users.some((r) => r.kind !== 'appearance' || (r.field !== undefined && r.field !== where.name))) {
      ctx.deny(
        'appearance',
        'appearance',
        msg(
          {
            it: 'campo «{f}»: aspetto sostituito, ma il dizionario {n} era usato anche altrove',
            en: 'field "{f}": appearance replaced, but dictionary {n} was used elsewhere too',
          },
          { f: where.name ?? '', n: oldAp.num },
        ),
        where,
      );
    }
  }
  const kept = new Set(appearanceRefs(ctx, oldAp, 'old').map((r) => r.num));
  for (const r of appearanceRefs(ctx, newAp, 'now')) {
    if (kept.has(r.num) || !ctx.usedWhenSigned(r)) continue;
    ctx.deny(
      'appearance',
      'appearance',
      msg(
        {
          it: "campo «{f}»: il nuovo aspetto riusa l'oggetto {n} della versione firmata",
          en: 'field "{f}": the new appearance reuses object {n} of the signed version',
        },
        { f: where.name ?? '', n: r.num },
      ),
      where,
    );
  }
}

/**
 * a form field filled (or its appearance refreshed): the permissions decide. A field locked by FieldMDP
 * (ISO 32000-1 §12.8.2.4) refuses any change — value, state, appearance, widgets — as pyHanko's appearance
 * updates are not valid when locked: a new /AP reading "900" over a signed "100" changes what it shows
 */
export function judgeFill(ctx: DiffContext, where: Where): void {
  const f = where.name ?? '';
  const reason = msg({ it: 'campo «{f}» compilato', en: 'field "{f}" filled in' }, { f });
  if (ctx.p === 1) {
    return ctx.deny(
      'form-fill',
      'docmdp',
      msg(
        {
          it: 'campo «{f}» compilato: la certificazione (P=1) non lo permette',
          en: 'field "{f}" filled in: the certification (P=1) does not permit it',
        },
        { f },
      ),
      where,
    );
  }
  if (ctx.locked(f)) {
    return ctx.deny(
      'form-fill',
      'fieldmdp',
      msg({ it: 'campo bloccato «{f}» modificato', en: 'locked field "{f}" changed' }, { f }),
      where,
    );
  }
  ctx.allow('form-fill', 'form-fill', reason, where);
}
