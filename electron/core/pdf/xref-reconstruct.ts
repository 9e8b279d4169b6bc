/**
 * Fallback when the cross-reference data is wrong (bad startxref, shifted offsets): scans the file for
 * `N G obj` and `%%EOF`, and rebuilds one section per revision (the objects between two `%%EOF`s), with the
 * trailer found in that revision (`trailer` dictionary or xref stream dictionary).
 */
import { isName, PdfDict, PdfStream } from './pdf-objects';
import { PdfParser } from './pdf-parser';
import { pdfBroken } from './pdf-errors';
import type { ByteSource } from './file-source';
import { xrefEntryLimit } from './pdf-limits';
import { withWindow, xrefStreamEntries, type XrefEntry, type XrefSection } from './xref';

const CHUNK = 4 << 20;
const OVERLAP = 64;

export interface Found {
  objects: { num: number; gen: number; offset: number }[];
  trailers: number[];
  eofs: number[];
}

/** every `N G obj`, `trailer` and `%%EOF` of the file, in file order (chunked: a big file is never whole) */
export function scanFile(src: ByteSource): Found {
  const found: Found = { objects: [], trailers: [], eofs: [] };
  const re = /(?<![0-9])(\d{1,10})[ \t\r\n\f\0]+(\d{1,5})[ \t\r\n\f\0]+obj\b|trailer|%%EOF/g;
  for (let at = 0; at < src.size; at += CHUNK) {
    const text = src.read(at, CHUNK + OVERLAP).toString('latin1');
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index >= CHUNK) break;
      const offset = at + m.index;
      if (m[1] !== undefined)
        found.objects.push({ num: parseInt(m[1], 10), gen: parseInt(m[2]!, 10), offset });
      else if (m[0] === 'trailer') found.trailers.push(offset);
      else found.eofs.push(offset);
    }
  }
  return found;
}

export function reconstructSections(
  src: ByteSource,
  objectAt: (offset: number) => { value: unknown },
  decode: (s: PdfStream) => Uint8Array,
): XrefSection[] {
  const f = scanFile(src);
  const bounds = [...f.eofs.map((e) => e + 5), src.size].filter((e, i, a) => i === 0 || e > a[i - 1]!);
  const sections: XrefSection[] = [];
  let from = 0;
  for (const eof of bounds) {
    if (eof <= from) continue;
    const entries = new Map<number, XrefEntry>();
    let trailer: PdfDict | undefined;
    for (const o of f.objects) {
      if (o.offset < from || o.offset >= eof) continue;
      entries.set(o.num, { type: 'offset', offset: o.offset, gen: o.gen });
      try {
        const v = objectAt(o.offset).value;
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
    for (const tpos of f.trailers) {
      if (tpos < from || tpos >= eof) continue;
      try {
        const d = withWindow(src, tpos + 7, 16384, (p: PdfParser) => p.value());
        if (d instanceof PdfDict) trailer = d;
      } catch {
        /* ignore a damaged trailer */
      }
    }
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
