/**
 * The object numbers whose value in the latest revision may differ from the signed one: every entry of the
 * merged cross-reference that is not the very same entry — objects in later object streams included — and the
 * members of an object stream whose number was redefined (their entries did not change, their bytes did).
 */
import type { XrefEntry, XrefSection } from '../xref';

/** xref entries looked up by number */
export interface EntryLookup {
  get(num: number): XrefEntry | undefined;
}

/** the same entry: the same place (offset, or object stream and index), or both free / missing */
export function sameEntry(a: XrefEntry | undefined, b: XrefEntry | undefined): boolean {
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
  old: EntryLookup,
  now: Map<number, XrefEntry>,
  newer?: Map<number, XrefEntry>[],
): number[] {
  return changedIn(old, now, newer, undefined);
}

/**
 * changedObjects without the latest revision's merged table: `now` looked up by number, `nowSections` the
 * sections it merges (newest first), whose object stream members are met in the merged table's order
 */
export function changedBetweenStores(
  old: EntryLookup,
  now: EntryLookup,
  newer: Map<number, XrefEntry>[],
  /** the sections `now` merges that can list object stream members (mayHoldMembers), newest first */
  nowSections: XrefSection[],
): number[] {
  return changedIn(old, now, newer, nowSections);
}

function changedIn(
  old: EntryLookup,
  now: EntryLookup | Map<number, XrefEntry>,
  newer: Map<number, XrefEntry>[] | undefined,
  nowSections: XrefSection[] | undefined,
): number[] {
  const changed = new Set<number>();
  const check = (num: number) => {
    const e = now.get(num);
    if (e && !sameEntry(old.get(num), e)) changed.add(num);
  };
  if (newer) for (const s of newer) for (const num of s.keys()) check(num);
  else for (const num of (now as Map<number, XrefEntry>).keys()) check(num);
  if (changed.size > 0) {
    if (nowSections) {
      // the merged table's members in its order (newest section first, each number once)
      for (const s of nowSections) {
        for (const [num, e] of s.entries)
          if (e.type === 'compressed' && changed.has(e.stream) && now.get(num) === e) changed.add(num);
      }
    } else {
      for (const [num, e] of now as Map<number, XrefEntry>)
        if (e.type === 'compressed' && changed.has(e.stream)) changed.add(num);
    }
  }
  return [...changed].sort((x, y) => x - y);
}
