/**
 * The interactive form dictionary: /Fields may only grow; /SigFlags may change. /DR, /DA and /NeedAppearances
 * decide how viewers redraw every field (a /DR font re-encoded turns a signed "100" into "900"): a form change,
 * reported, and allowed only where form filling is (no certification, or DocMDP P≥2).
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

function judgeFormAppearance(ctx: DiffContext, k: string, where: { object?: number }): void {
  if (ctx.p === 1) {
    return ctx.deny(
      'appearance',
      'docmdp',
      msg(
        {
          it: 'AcroForm: /{k} modificato (aspetto dei campi): la certificazione (P=1) non lo permette',
          en: 'AcroForm: /{k} changed (appearance of the fields): the certification (P=1) does not permit it',
        },
        { k },
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
