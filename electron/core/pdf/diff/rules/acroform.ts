/** The interactive form dictionary: /Fields may only grow; /SigFlags, /DR, /DA, /NeedAppearances may change. */
import type { PdfDict } from '../../pdf-objects';
import { changedKeys } from '../../pdf-diff';
import { msg, type DiffContext } from '../context';
import { judgeGrowingArray } from './growing-array';

const FREE_KEYS = new Set(['SigFlags', 'DR', 'DA', 'NeedAppearances']);

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
    else if (!FREE_KEYS.has(k))
      ctx.deny(
        'object',
        'acroform',
        msg({ it: 'AcroForm: /{k} modificato', en: 'AcroForm: /{k} changed' }, { k }),
        where,
      );
  }
}
