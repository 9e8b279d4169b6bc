/** A page of the signed revision may only gain annotations: any other key changed is a change of its content. */
import type { PdfDict } from '../../pdf-objects';
import { changedKeys } from '../../pdf-diff';
import { msg, type DiffContext } from '../context';
import { judgeGrowingArray } from './growing-array';

export function judgePage(ctx: DiffContext, num: number, page: number, oldD: PdfDict, newD: PdfDict): void {
  const where = { object: num, page };
  for (const k of changedKeys(ctx.reader, oldD, newD)) {
    if (k === 'Annots') judgeGrowingArray(ctx, oldD.get(k), newD.get(k), where);
    else
      ctx.deny(
        'page-content',
        'page',
        msg({ it: 'pagina {p}: /{k} modificato', en: 'page {p}: /{k} changed' }, { p: page, k }),
        where,
      );
  }
}
