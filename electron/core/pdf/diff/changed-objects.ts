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

/**
 * `newer`: the entries of the sections that `now` merges and `old` does not, when known. Only their numbers can
 * differ: a number no newer section names has, in both merges, the entry of the same older section (the very
 * same object). Without them every number of `now` is compared.
 */
export function changedObjects(
  /** the signed revision's entries (looked up by number only) */
  old: { get(num: number): XrefEntry | undefined },
  now: Map<number, XrefEntry>,
  newer?: Map<number, XrefEntry>[],
): number[] {
  const changed = new Set<number>();
  const check = (num: number) => {
    const e = now.get(num);
    if (e && !sameEntry(old.get(num), e)) changed.add(num);
  };
  if (newer) for (const s of newer) for (const num of s.keys()) check(num);
  else for (const num of now.keys()) check(num);
  if (changed.size > 0)
    for (const [num, e] of now) if (e.type === 'compressed' && changed.has(e.stream)) changed.add(num);
  return [...changed].sort((x, y) => x - y);
}
