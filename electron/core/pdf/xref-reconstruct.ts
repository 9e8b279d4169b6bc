/**
 * Fallback when the cross-reference data is wrong (bad startxref, shifted offsets): scans the file for
 * `N G obj` and `%%EOF`, and rebuilds one section per revision (the objects between two `%%EOF`s), with the
 * trailer found in that revision (`trailer` dictionary or xref stream dictionary). Bounded for hostile files:
 * objects and revisions are counted against the file size, and only objects that may be xref streams are parsed.
 */
import { isName, PdfDict, PdfStream } from './pdf-objects';
import { PdfParser } from './pdf-parser';
import { pdfBroken, pdfXrefTooLarge } from './pdf-errors';
import type { ByteSource } from './file-source';
import { MAX_SECTIONS, xrefEntryLimit } from './pdf-limits';
import { withWindow, xrefStreamEntries, type XrefEntry, type XrefSection } from './xref';

const CHUNK = 4 << 20;
/** how far after `N G obj` an xref stream's `/XRef` is looked for */
const XREF_PEEK = 1024;
/** damaged `trailer` dictionaries tried per revision (newest first) */
const TRAILER_TRIES = 16;

/** the `N G obj` headers found, as parallel arrays (compact: a hostile file may hold millions) */
export interface FoundObjects {
  nums: number[];
  gens: number[];
  offsets: number[];
  /** the object's first bytes mention /XRef: it may be an xref stream */
  maybeXref: boolean[];
}

export interface Found {
  objects: FoundObjects;
  trailers: number[];
  eofs: number[];
}

/** every `N G obj`, `trailer` and `%%EOF` of the file, in file order (chunked: a big file is never whole) */
export function scanFile(src: ByteSource): Found {
  const objects: FoundObjects = { nums: [], gens: [], offsets: [], maybeXref: [] };
  const found: Found = { objects, trailers: [], eofs: [] };
  const limit = xrefEntryLimit(src.size);
  const re = /(?<![0-9])(\d{1,10})[ \t\r\n\f\0]+(\d{1,5})[ \t\r\n\f\0]+obj\b|trailer|%%EOF/g;
  for (let at = 0; at < src.size; at += CHUNK) {
    const text = src.read(at, CHUNK + XREF_PEEK).toString('latin1');
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index >= CHUNK) break;
      const offset = at + m.index;
      if (m[1] !== undefined) {
        if (objects.nums.length >= limit) throw pdfXrefTooLarge(`over ${limit} objects found by scanning`);
        objects.nums.push(parseInt(m[1], 10));
        objects.gens.push(parseInt(m[2]!, 10));
        objects.offsets.push(offset);
        objects.maybeXref.push(text.slice(m.index, m.index + XREF_PEEK).includes('/XRef'));
      } else if (m[0] === 'trailer') found.trailers.push(offset);
      else found.eofs.push(offset);
      if (found.eofs.length > MAX_SECTIONS) throw pdfXrefTooLarge(`over ${MAX_SECTIONS} %%EOF markers`);
    }
  }
  return found;
}

/** where each object number's `num gen obj` headers are (indices into FoundObjects, in file order) */
export function indexByNumber(o: FoundObjects): Map<number, number[]> {
  const m = new Map<number, number[]>();
  o.nums.forEach((n, i) => {
    const list = m.get(n);
    if (list) list.push(i);
    else m.set(n, [i]);
  });
  return m;
}

/** the offset of the last `num gen obj` before `end` other than `not`, or undefined */
export function lastObjectBefore(
  o: FoundObjects,
  index: Map<number, number[]>,
  num: number,
  gen: number,
  end: number,
  not: number,
): number | undefined {
  const list = index.get(num) ?? [];
  for (let k = list.length - 1; k >= 0; k--) {
    const i = list[k]!;
    const off = o.offsets[i]!;
    if (off < end && off !== not && o.gens[i] === gen) return off;
  }
  return undefined;
}

function lastTrailer(src: ByteSource, trailers: number[]): PdfDict | undefined {
  for (let i = trailers.length - 1; i >= 0 && i >= trailers.length - TRAILER_TRIES; i--) {
    try {
      const d = withWindow(src, trailers[i]! + 7, 16384, (p: PdfParser) => p.value());
      if (d instanceof PdfDict) return d;
    } catch {
      /* ignore a damaged trailer */
    }
  }
  return undefined;
}

export function reconstructSections(
  src: ByteSource,
  objectAt: (offset: number) => { value: unknown },
  decode: (s: PdfStream) => Uint8Array,
): XrefSection[] {
  const f = scanFile(src);
  const o = f.objects;
  const bounds = [...f.eofs.map((e) => e + 5), src.size].filter((e, i, a) => i === 0 || e > a[i - 1]!);
  const sections: XrefSection[] = [];
  let from = 0;
  let i = 0;
  let t = 0;
  let parsed = 0;
  for (const eof of bounds) {
    if (eof <= from) continue;
    const entries = new Map<number, XrefEntry>();
    let trailer: PdfDict | undefined;
    // objects and trailers are in file order: each revision takes the next run of them
    for (; i < o.offsets.length && o.offsets[i]! < eof; i++) {
      entries.set(o.nums[i]!, { type: 'offset', offset: o.offsets[i]!, gen: o.gens[i]! });
      // a real file has one xref stream per revision: a hostile one naming /XRef everywhere is not parsed whole
      if (!o.maybeXref[i] || parsed++ >= MAX_SECTIONS) continue;
      try {
        const v = objectAt(o.offsets[i]!).value;
        if (v instanceof PdfStream && isName(v.dict.get('Type'), 'XRef')) {
          trailer = v.dict;
          for (const [n, e] of xrefStreamEntries(v.dict, decode(v), xrefEntryLimit(src.size))) {
            if (e.type === 'compressed' && !entries.has(n)) entries.set(n, e);
          }
        }
      } catch {
        /* an unreadable object stays listed; reading it later fails cleanly */
      }
    }
    const inRevision: number[] = [];
    for (; t < f.trailers.length && f.trailers[t]! < eof; t++) inRevision.push(f.trailers[t]!);
    trailer = lastTrailer(src, inRevision) ?? trailer;
    const after = src.read(eof, 2);
    const eol = after[0] === 13 ? (after[1] === 10 ? 2 : 1) : after[0] === 10 ? 1 : 0;
    const end = Math.min(src.size, eof + eol);
    if (entries.size > 0 || trailer) {
      sections.unshift({
        offset: from,
        kind: 'table',
        entries,
        trailer: trailer ?? new PdfDict(),
        hybrid: false,
        eof,
        end,
      });
    }
    from = eof;
  }
  const withRoot = sections.find((s) => s.trailer.has('Root'));
  if (!withRoot) throw pdfBroken('no trailer found');
  if (!sections[0]!.trailer.has('Root')) sections[0]!.trailer.set('Root', withRoot.trailer.get('Root')!);
  return sections;
}
