/**
 * The interactive form dictionary: /Fields may only grow; /SigFlags may change. /DR, /DA and /NeedAppearances
 * decide how viewers redraw every field (a /DR font re-encoded turns a signed "100" into "900"): a form change,
 * reported, and allowed only without certification and without FieldMDP locks.
 */
import type { PdfDict } from '../../pdf-objects';
import { changedKeys } from '../../pdf-diff';
import { msg, type DiffContext } from '../context';
import { judgeGrowingArray } from './growing-array';

const FREE_KEYS = new Set(['SigFlags']);
const APPEARANCE_KEYS = new Set(['DR', 'DA', 'NeedAppearances']);

export function judgeAcroForm(
  ctx: DiffContext,
  oldD: PdfDict | undefined,
  newD: PdfDict | undefined,
  where: { object?: number },
): void {
  if (!newD) {
    if (oldD)
      ctx.deny(
        'object',
        'acroform',
        msg({ it: 'modulo (AcroForm) rimosso', en: 'form (AcroForm) removed' }),
        where,
      );
    return;
  }
  const before = oldD ?? newD.clone();
  if (!oldD) before.map.clear();
  for (const k of changedKeys(ctx.reader, before, newD)) {
    if (k === 'Fields') judgeGrowingArray(ctx, before.get(k), newD.get(k), where);
    else if (APPEARANCE_KEYS.has(k)) judgeFormAppearance(ctx, k, where);
    else if (!FREE_KEYS.has(k))
      ctx.deny(
        'object',
        'acroform',
        msg({ it: 'AcroForm: /{k} modificato', en: 'AcroForm: /{k} changed' }, { k }),
        where,
      );
  }
}

/**
 * Redrawing keys change how the signed fields look, not what they hold: filling in a form never needs them
 * changed. Refused after any certification and when the signature locks fields (its /V "100" redrawn "900").
 */
function judgeFormAppearance(ctx: DiffContext, k: string, where: { object?: number }): void {
  if (ctx.p !== undefined || ctx.locks) {
    return ctx.deny(
      'appearance',
      ctx.p !== undefined ? 'docmdp' : 'fieldmdp',
      msg(
        ctx.p !== undefined
          ? {
              it: 'AcroForm: /{k} modificato (aspetto dei campi): la certificazione (P={p}) non lo permette',
              en: 'AcroForm: /{k} changed (appearance of the fields): the certification (P={p}) does not permit it',
            }
          : {
              it: 'AcroForm: /{k} modificato (aspetto dei campi): la firma blocca dei campi, che verrebbero ridisegnati',
              en: 'AcroForm: /{k} changed (appearance of the fields): the signature locks fields, which would be redrawn',
            },
        { k, p: ctx.p ?? 0 },
      ),
      where,
    );
  }
  ctx.allow(
    'appearance',
    'acroform',
    msg(
      {
        it: 'AcroForm: /{k} modificato (aspetto dei campi)',
        en: 'AcroForm: /{k} changed (appearance of the fields)',
      },
      { k },
    ),
    where,
  );
}
