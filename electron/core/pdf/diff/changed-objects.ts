/**
 * The object numbers whose value in the latest revision may differ from the signed one: every entry of the
 * merged cross-reference that is not the very same entry — objects in later object streams included — and the
 * members of an object stream whose number was redefined (their entries did not change, their bytes did).
 */
import type { XrefEntry } from '../xref';

function sameEntry(a: XrefEntry | undefined, b: XrefEntry | undefined): boolean {
  if (!a || !b) return (a?.type ?? 'free') === (b?.type ?? 'free');
  if (a.type === 'free' || b.type === 'free') return a.type === b.type;
  if (a.type === 'offset') return b.type === 'offset' && a.offset === b.offset;
  return b.type === 'compressed' && a.stream === b.stream && a.index === b.index;
}

export function changedObjects(old: Map<number, XrefEntry>, now: Map<number, XrefEntry>): number[] {
  const changed = new Set<number>();
  for (const [num, e] of now) if (!sameEntry(old.get(num), e)) changed.add(num);
  for (const [num, e] of now) if (e.type === 'compressed' && changed.has(e.stream)) changed.add(num);
  return [...changed].sort((x, y) => x - y);
}
