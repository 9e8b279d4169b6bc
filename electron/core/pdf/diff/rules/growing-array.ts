/** /Annots, /Fields and /Kids may only grow: every signed entry stays, new entries are judged one by one. */
import { asArray, PdfRef, type PdfValue } from '../../pdf-objects';
import { sameValue } from '../../pdf-diff';
import { msg, type DiffContext } from '../context';
import { judgeNewElement } from './new-element';

export function judgeGrowingArray(
  ctx: DiffContext,
  oldV: PdfValue | undefined,
  newV: PdfValue | undefined,
  where: { page?: number; object?: number },
): void {
  let o: PdfValue[];
  let n: PdfValue[];
  try {
    o = asArray(ctx.old.resolve(oldV)) ?? [];
    n = asArray(ctx.now.resolve(newV)) ?? [];
  } catch {
    return ctx.deny('object', 'list', msg({ it: 'elenco illeggibile', en: 'unreadable list' }), where);
  }
  if (n.length > 100_000) {
    return ctx.deny(
      'too-complex',
      'bounds',
      msg({ it: 'elenco troppo lungo da analizzare', en: 'list too long to analyse' }),
      where,
    );
  }
  const key = (x: PdfValue) => (x instanceof PdfRef ? `${x.num} ${x.gen}` : undefined);
  const oldKeys = new Set(o.flatMap((x) => key(x) ?? []));
  const newKeys = new Set(n.flatMap((x) => key(x) ?? []));
  const oldDirect = o.filter((x) => x !== null && !(x instanceof PdfRef));
  const kept = (x: PdfValue, keys: Set<string>, list: PdfValue[]) => {
    const k = key(x);
    return k !== undefined ? keys.has(k) : list.some((y) => sameValue(ctx.reader, x, y));
  };
  const newDirect = n.filter((x) => x !== null && !(x instanceof PdfRef));
  if (o.some((x) => x !== null && !kept(x, newKeys, newDirect))) {
    ctx.deny(
      'annotation',
      'list',
      msg({ it: 'annotazioni o campi rimossi', en: 'annotations or fields removed' }),
      where,
    );
  }
  for (const x of n) if (x !== null && !kept(x, oldKeys, oldDirect)) judgeNewElement(ctx, x, where.page);
}
