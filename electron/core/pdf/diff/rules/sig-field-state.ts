/**
 * Where a signature field of the signed revision stands: signed then (its /V, inherited by a widget kid from its
 * /Parent), or being signed now — empty then, a value now: a later signature. Any other field is settled.
 */
import { ref, type PdfDict, type PdfValue } from '../../pdf-objects';
import type { ObjectStore } from '../../pdf-reader';
import type { DiffContext } from '../context';

/** a field's value, inherited from its /Parent chain (bounded: a hostile chain may loop) */
export function fieldValue(store: ObjectStore, d: PdfDict): PdfValue | undefined {
  let node: PdfDict | undefined = d;
  for (let i = 0; node && i < 32; i++) {
    const v = node.get('V');
    if (v !== undefined && v !== null) return v;
    try {
      node = store.dict(node.get('Parent'));
    } catch {
      node = undefined;
    }
  }
  return undefined;
}

/** the signature field goes from empty (in the signed revision) to signed (now): a later signature */
export function signedNow(ctx: DiffContext, oldD: PdfDict, newD: PdfDict): boolean {
  return fieldValue(ctx.old, oldD) === undefined && fieldValue(ctx.now, newD) !== undefined;
}

/** object `num` was a field of the signed revision and is not being signed now (new objects are not settled) */
export function settledField(ctx: DiffContext, num: number): 'signed' | 'empty' | undefined {
  const oldD = ctx.oldDict(ref(num));
  const newD = ctx.newDict(ref(num));
  if (!oldD || !newD || signedNow(ctx, oldD, newD)) return undefined;
  return fieldValue(ctx.old, oldD) !== undefined ? 'signed' : 'empty';
}
