/**
 * The signed revision as its own bytes read it (issue 18), DSS's way: the file cut where the revision ends, read
 * from that cut's own last `startxref` and /Prev chain. The change analysis instead takes the sections of the
 * whole file's chain that end by then (ObjectStore of PdfReader.storeAt). The two agree for every file a writer
 * makes; they differ when the whole file's chain reaches a cross-reference section hidden inside the signed
 * bytes — one the signed file never used, made the newest by a `startxref` appended after signing (its /Prev
 * pointing forward like a linearized file's first-page section) — or when the whole file had to be rebuilt by
 * scanning and the rebuilt view reads a signed object from another place. The analysis would then compare the
 * later revisions with content the signer never saw, and find nothing changed: such a file is refused.
 */
import type { ByteSource } from './file-source';
import { asNumber, PdfRef, type PdfValue } from './pdf-objects';
import { PdfReader, type ObjectStore } from './pdf-reader';
import { sameValue } from './pdf-diff';
import { findStartxref, type XrefSection } from './xref';
import { sameEntry } from './diff/changed-objects';
import { MAX_SECTIONS } from './pdf-limits';

/** most object numbers compared value by value when the chains differ (beyond: refused as not comparable) */
const MAX_COMPARED = 200_000;

/** the first `size` bytes of a source, as a file of their own (never closes the source it views) */
class PrefixSource implements ByteSource {
  constructor(
    private readonly src: ByteSource,
    readonly size: number,
  ) {}
  read(offset: number, length: number): Buffer {
    return this.src.read(offset, Math.max(0, Math.min(length, this.size - offset)));
  }
  close(): void {}
}

/**
 * The sections the signed bytes' own chain reaches, when every one is a section the reader already read and
 * that ends by `end`; undefined when the chain leaves them (then it is read the slow way).
 */
function ownChainOfKnown(reader: PdfReader, prefix: ByteSource, end: number): XrefSection[] | undefined {
  const byOffset = new Map<number, XrefSection>();
  for (const s of reader.sections) if (s.end <= end) byOffset.set(s.offset, s);
  const chain: XrefSection[] = [];
  let next: number | undefined;
  try {
    next = findStartxref(prefix);
  } catch {
    return undefined;
  }
  while (next !== undefined) {
    const s = byOffset.get(next);
    if (!s || chain.includes(s) || chain.length >= MAX_SECTIONS) return undefined;
    chain.push(s);
    next = asNumber(s.trailer.get('Prev'));
  }
  return chain;
}

/** the value of an object, or 'unreadable' */
function valueOf(store: ObjectStore, num: number): PdfValue | undefined | 'unreadable' {
  try {
    return store.get(num) ?? undefined;
  } catch {
    return 'unreadable';
  }
}

function same(reader: PdfReader, a: PdfValue | undefined | 'unreadable', b: typeof a): boolean {
  if (a === 'unreadable' || b === 'unreadable') return a === b;
  try {
    return sameValue(reader, a, b);
  } catch {
    return false;
  }
}

/**
 * The object numbers the signed revision ending at `end` reads differently on its own than in `old` (the
 * analysis's view of it: the reader's `oldSections`, newest first); [] when they agree; undefined when the signed
 * bytes cannot be read on their own (their cross-reference is damaged: a viewer rebuilt them when signing, as the
 * reader does). The same place in both (entry) is the same object; other numbers are compared by value.
 */
export function signedRevisionDisagreement(
  reader: PdfReader,
  old: ObjectStore,
  end: number,
  oldSections: XrefSection[],
): number[] | undefined {
  const prefix = new PrefixSource(reader.src, Math.min(end, reader.src.size));
  const known = ownChainOfKnown(reader, prefix, end);
  if (known && known.length === oldSections.length && known.every((s, i) => s === oldSections[i])) return [];
  let own: PdfReader;
  try {
    own = PdfReader.fromSource(prefix);
  } catch {
    return undefined;
  }
  if (own.reconstructed) return undefined;
  const differ: number[] = [];
  const ownRoot = own.trailer.get('Root');
  const oldRoot = oldSections[0]?.trailer.get('Root');
  if (!(ownRoot instanceof PdfRef) || !(oldRoot instanceof PdfRef) || ownRoot.num !== oldRoot.num)
    differ.push(oldRoot instanceof PdfRef ? oldRoot.num : 0);
  const mine = own.latest.entries;
  const theirs = old.entries;
  const nums = new Set([...mine.keys(), ...theirs.keys()]);
  let compared = 0;
  for (const num of nums) {
    if (sameEntry(mine.get(num), theirs.get(num))) continue;
    if (++compared > MAX_COMPARED) return [...differ, num];
    if (!same(reader, valueOf(own.latest, num), valueOf(old, num))) differ.push(num);
  }
  return differ.sort((x, y) => x - y);
}
