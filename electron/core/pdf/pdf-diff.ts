/** Deep comparison of PDF objects between two revisions (references compared by number, streams by bytes). */
import {
  PdfDict,
  PdfName,
  PdfOpaqueString,
  PdfRaw,
  PdfRef,
  PdfStream,
  PdfString,
  type PdfValue,
} from './pdf-objects';
import type { PdfReader } from './pdf-reader';

export function sameValue(reader: PdfReader, a: PdfValue | undefined, b: PdfValue | undefined): boolean {
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return a === b;
  if (a instanceof PdfName) return b instanceof PdfName && a.name === b.name;
  if (a instanceof PdfRef) return b instanceof PdfRef && a.num === b.num && a.gen === b.gen;
  if (a instanceof PdfString)
    return (
      b instanceof PdfString &&
      a instanceof PdfOpaqueString === b instanceof PdfOpaqueString &&
      Buffer.from(a.bytes).equals(Buffer.from(b.bytes))
    );
  if (a instanceof PdfRaw) return b instanceof PdfRaw && a.text === b.text;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(reader, x, b[i]));
  }
  if (a instanceof PdfStream) {
    if (!(b instanceof PdfStream) || !sameValue(reader, withoutLength(a.dict), withoutLength(b.dict)))
      return false;
    return a.length === b.length && sameStreamBytes(reader, a, b);
  }
  if (a instanceof PdfDict) {
    if (!(b instanceof PdfDict) || a.size !== b.size) return false;
    for (const k of a.keys()) if (!sameValue(reader, a.get(k), b.get(k))) return false;
    return true;
  }
  return false;
}

const CHUNK = 1 << 20;

/** raw bytes compared a chunk at a time: a changed 200 MB stream never sits twice in memory */
function sameStreamBytes(reader: PdfReader, a: PdfStream, b: PdfStream): boolean {
  if (a.data || b.data || a.length <= CHUNK) return reader.rawStream(a).equals(reader.rawStream(b));
  if (a.dataOffset === b.dataOffset) return true;
  for (let at = 0; at < a.length; at += CHUNK) {
    const n = Math.min(CHUNK, a.length - at);
    if (!reader.src.read(a.dataOffset + at, n).equals(reader.src.read(b.dataOffset + at, n))) return false;
  }
  return true;
}

function withoutLength(d: PdfDict): PdfDict {
  const c = d.clone();
  c.delete('Length');
  return c;
}

/** keys whose values differ between two dictionaries */
export function changedKeys(reader: PdfReader, a: PdfDict, b: PdfDict): string[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  return [...keys].filter((k) => !sameValue(reader, a.get(k), b.get(k)));
}
