/** Which object numbers two revisions of one file may hold differently, from their cross-reference sections. */
import type { PdfReader } from './pdf-reader';
import type { XrefSection } from './xref';

/**
 * whether a section can list object stream members: a table read from the file cannot (a hybrid one holds its
 * /XRefStm's); one rebuilt by scanning holds those of the xref streams found
 */
export function mayHoldMembers(reader: PdfReader, s: XrefSection): boolean {
  return s.kind !== 'table' || s.hybrid || reader.reconstructed;
}

/**
 * The object numbers whose entry may differ between the revisions ending at `a` and `b`: every number of the
 * sections between them, and the members of object streams among those (their entries did not change, their
 * bytes may have).
 */
export function changedBetween(reader: PdfReader, a: number, b: number): Set<number> {
  const lo = Math.min(a, b);
  const hi = Math.max(a, b);
  const changed = new Set<number>();
  for (const s of reader.sections)
    if (s.end > lo && s.end <= hi) for (const num of s.entries.keys()) changed.add(num);
  if (changed.size === 0) return changed;
  for (const s of reader.sections) {
    if (s.end > hi || !mayHoldMembers(reader, s)) continue;
    for (const [num, e] of s.entries) if (e.type === 'compressed' && changed.has(e.stream)) changed.add(num);
  }
  return changed;
}
