/** Cross-reference sections (ISO 32000-1 §7.5.4, §7.5.8): classic tables, xref streams and hybrid files. */
import { asArray, asNumber, isName, PdfDict, PdfStream } from './pdf-objects';
import { NeedMoreBytes, PdfParser } from './pdf-parser';
import { isRegular, isWhite } from './pdf-chars';
import { pdfBroken, pdfObjectTooLarge, pdfXrefLoop, pdfXrefTooLarge } from './pdf-errors';
import type { ByteSource, Window } from './file-source';
import { MAX_OBJECT_WINDOW, MAX_SECTIONS, xrefEntryLimit } from './pdf-limits';

export type XrefEntry =
  /** `next`: the generation a table's free entry gives for the object's next use (65535: never reused) */
  | { type: 'free'; next?: number }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number };

export interface XrefSection {
  /** the startxref value that leads here */
  offset: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** object number of the xref stream (kind 'stream'), or of the /XRefStm of a hybrid table */
  streamObj?: number;
  hybrid: boolean;
  /**
   * of a hybrid table: numbers its table lists as free placeholders while its /XRefStm has them in use — the
   * stream's entry is taken (ISO 32000-1 §7.5.8.4, pyHanko), but a reader that stops at the table (pdf.js) sees
   * them deleted
   */
  shadowed?: number[];
  /** offset just after this section's `%%EOF` line: the end of its revision */
  end: number;
  /** offset just after the `%%EOF` marker itself (before its end-of-line) */
  eof: number;
}

/** Runs `parse` over a window at `offset`, doubling the window until the parse fits. */
export function withWindow<T>(
  src: ByteSource,
  offset: number,
  initial: number,
  parse: (p: PdfParser) => T,
  /**
   * the first window, when the caller has read it already: bytes from offset `at` holding at least the `initial`
   * bytes at `offset` (more bytes only spare a retry: a parse that fits gives the same value in any window)
   */
  first?: Window,
): T {
  let size = initial;
  if (first && first.at + first.bytes.length < Math.min(offset + size, src.size)) first = undefined;
  for (;;) {
    let p: PdfParser;
    if (first) {
      const { at, bytes } = first;
      p = new PdfParser(bytes, at, at + bytes.length >= src.size, offset - at);
      first = undefined;
    } else {
      const buf = src.read(offset, size);
      p = new PdfParser(buf, offset, offset + buf.length >= src.size);
    }
    try {
      return parse(p);
    } catch (e) {
      if (!(e instanceof NeedMoreBytes) || p.complete || size >= MAX_OBJECT_WINDOW) {
        if (e instanceof NeedMoreBytes)
          throw pdfObjectTooLarge(`object at ${offset} over ${MAX_OBJECT_WINDOW} bytes`);
        throw e;
      }
      size *= 4;
    }
  }
}

/** Finds the offset of the last `startxref` value. */
export function findStartxref(src: ByteSource): number {
  for (const tail of [2048, 65536, 1 << 20]) {
    const from = Math.max(0, src.size - tail);
    const text = src.read(from, tail).toString('latin1');
    const i = text.lastIndexOf('startxref');
    if (i >= 0) {
      const m = /^startxref\s+(\d+)/.exec(text.slice(i));
      if (!m) throw pdfBroken('bad startxref');
      return parseInt(m[1]!, 10);
    }
    if (from === 0) break;
  }
  throw pdfBroken('startxref not found');
}

/** The offsets just after the `%%EOF` that follows `pos`, without and with its end-of-line. */
function findEof(src: ByteSource, pos: number): { eof: number; end: number } {
  const text = src.read(pos, 4096).toString('latin1');
  const i = text.indexOf('%%EOF');
  if (i < 0) return { eof: Math.min(src.size, pos), end: Math.min(src.size, pos) };
  const eof = pos + i + 5;
  let end = eof;
  const after = src.read(end, 2);
  if (after[0] === 13) end++;
  if (after[after[0] === 13 ? 1 : 0] === 10) end++;
  return { eof, end };
}

/** the shortest an xref table row can be when read leniently ("0 0 n" and a separator) */
const MIN_TABLE_ROW = 6;

/** a row read by fixedRow: offset, generation, kind byte ('n' or 'f') */
interface Row {
  off: number;
  gen: number;
  kind: number;
}

function digitsAt(b: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = b[i]! - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * A row in the usual fixed form (`oooooooooo ggggg n`, ISO 32000-1 §7.5.4), after white space, read straight
 * from the bytes — what int(), int() and word() give for it; false (position unchanged) for anything else
 * (comments, other widths, the window's end), which the lenient reading takes.
 */
function fixedRow(p: PdfParser, row: Row): boolean {
  const b = p.buf;
  let at = p.pos;
  while (at < b.length && isWhite(b[at]!)) at++;
  // the byte after the kind must be in the window and not part of the word
  if (at + 18 >= b.length || b[at + 10] !== 0x20 || b[at + 16] !== 0x20 || isRegular(b[at + 18]!))
    return false;
  const kind = b[at + 17]!;
  if (kind !== 0x6e && kind !== 0x66) return false;
  const off = digitsAt(b, at, 10);
  const gen = digitsAt(b, at + 11, 5);
  if (off < 0 || gen < 0) return false;
  row.off = off;
  row.gen = gen;
  row.kind = kind;
  p.pos = at + 18;
  return true;
}

/** exported for tests: the classic table at the parser's position, its trailer and where it ends */
export function parseTable(
  p: PdfParser,
  fileSize: number,
): { entries: Map<number, XrefEntry>; trailer: PdfDict; end: number } {
  p.expectWord('xref');
  const entries = new Map<number, XrefEntry>();
  const row: Row = { off: 0, gen: 0, kind: 0 };
  const limit = xrefEntryLimit(fileSize);
  let declared = 0;
  for (;;) {
    if (p.tryWord('trailer')) break;
    let start = p.int();
    const count = p.int();
    declared += count;
    // checked before reading the rows: a count the rest of the file cannot hold is a forgery
    if (count < 0 || start < 0 || declared > limit || count * MIN_TABLE_ROW > fileSize - (p.base + p.pos)) {
      throw pdfXrefTooLarge(`subsection of ${count} entries at ${p.base + p.pos}`);
    }
    for (let i = 0; i < count; i++) {
      let off: number;
      let gen: number;
      let kind: string;
      if (fixedRow(p, row)) {
        off = row.off;
        gen = row.gen;
        kind = row.kind === 0x6e ? 'n' : 'f';
      } else {
        off = p.int();
        gen = p.int();
        kind = p.word();
      }
      if (i === 0 && start === 1 && kind === 'f' && off === 0 && gen === 65535) start = 0;
      const num = start + i;
      if (entries.has(num)) continue;
      if (kind === 'n') entries.set(num, { type: 'offset', offset: off, gen });
      else if (kind === 'f') entries.set(num, { type: 'free', next: gen });
      else throw pdfBroken(`bad xref entry for object ${num}`);
    }
  }
  const trailer = p.value();
  if (!(trailer instanceof PdfDict)) throw pdfBroken('bad trailer');
  return { entries, trailer, end: p.base + p.pos };
}

function readField(data: Uint8Array, at: number, width: number): number {
  let v = 0;
  for (let i = 0; i < width; i++) v = v * 256 + data[at + i]!;
  return v;
}

/** Turns a decoded xref stream into entries (at most `maxEntries`). */
export function xrefStreamEntries(
  dict: PdfDict,
  data: Uint8Array,
  maxEntries: number,
): Map<number, XrefEntry> {
  const w = (asArray(dict.get('W')) ?? []).map((x) => asNumber(x) ?? -1);
  if (w.length !== 3 || w.some((x) => !Number.isInteger(x) || x < 0 || x > 8))
    throw pdfBroken('bad xref stream /W');
  const rowLen = w[0]! + w[1]! + w[2]!;
  if (rowLen === 0) throw pdfBroken('bad xref stream /W');
  const size = asNumber(dict.get('Size')) ?? 0;
  const index = (asArray(dict.get('Index')) ?? [0, size]).map((x) => asNumber(x) ?? -1);
  // the declared counts are checked against the limit and the decoded data before any entry is made
  let declared = 0;
  for (let s = 0; s + 1 < index.length; s += 2) {
    const [start, count] = [index[s]!, index[s + 1]!];
    if (!Number.isInteger(start) || !Number.isInteger(count) || start < 0 || count < 0) {
      throw pdfBroken('bad xref stream /Index');
    }
    declared += count;
  }
  if (declared > maxEntries) throw pdfXrefTooLarge(`xref stream of ${declared} entries`);
  if (declared * rowLen > data.length) throw pdfBroken('xref stream too short');
  const entries = new Map<number, XrefEntry>();
  let at = 0;
  for (let s = 0; s + 1 < index.length; s += 2) {
    const start = index[s]!;
    const count = index[s + 1]!;
    for (let i = 0; i < count; i++, at += rowLen) {
      if (at + rowLen > data.length) throw pdfBroken('xref stream too short');
      const type = w[0] === 0 ? 1 : readField(data, at, w[0]!);
      const f2 = readField(data, at + w[0]!, w[1]!);
      const f3 = readField(data, at + w[0]! + w[1]!, w[2]!);
      const num = start + i;
      if (entries.has(num)) continue;
      if (type === 0) entries.set(num, { type: 'free' });
      else if (type === 1) entries.set(num, { type: 'offset', offset: f2, gen: f3 });
      else if (type === 2) entries.set(num, { type: 'compressed', stream: f2, index: f3 });
    }
  }
  return entries;
}

export interface SectionDeps {
  src: ByteSource;
  /** parses the indirect object at an offset (the reader's, so that /Length references resolve) */
  objectAt(offset: number): { num: number; value: unknown; end: number };
  decode(stream: PdfStream): Uint8Array;
}

/** xref entries one file may declare (a section, or all of them twice over) */
function entryLimit(deps: SectionDeps): number {
  return xrefEntryLimit(deps.src.size);
}

function readStreamSection(deps: SectionDeps, offset: number) {
  const obj = deps.objectAt(offset);
  const stream = obj.value;
  if (!(stream instanceof PdfStream) || !isName(stream.dict.get('Type'), 'XRef')) {
    throw pdfBroken(`no cross-reference at ${offset}`);
  }
  return {
    num: obj.num,
    entries: xrefStreamEntries(stream.dict, deps.decode(stream), entryLimit(deps)),
    dict: stream.dict,
    end: obj.end,
  };
}

function skipWhite(src: ByteSource, offset: number): number {
  const b = src.read(offset, 64);
  let i = 0;
  while (
    i < b.length &&
    (b[i] === 32 || b[i] === 10 || b[i] === 13 || b[i] === 9 || b[i] === 0 || b[i] === 12)
  )
    i++;
  return offset + i;
}

function generation(e: XrefEntry): number {
  return e.type === 'offset' ? e.gen : 0;
}

/**
 * A hybrid section's entries (ISO 32000-1 §7.5.8.4): the table is looked in first, the hidden stream only for
 * what the table does not have. A free entry of the table deletes the object the stream lists when its next generation
 * follows that object's (pyHanko: "the main section still takes precedence"); any other free entry is a
 * placeholder hybrid writers put for the stream's objects (commonly generation 65535): the stream's entry is
 * taken and the number is `shadowed` — pdf.js stops at the table's free entry and sees the object deleted.
 */
function mergeHybrid(
  table: Map<number, XrefEntry>,
  stream: Map<number, XrefEntry>,
): { entries: Map<number, XrefEntry>; shadowed: number[] } {
  const entries = new Map(stream);
  const shadowed: number[] = [];
  for (const [num, e] of table) {
    const hidden = stream.get(num);
    if (e.type === 'free' && hidden && hidden.type !== 'free' && e.next !== generation(hidden) + 1)
      shadowed.push(num);
    else entries.set(num, e);
  }
  return { entries, shadowed };
}

/** Reads one section (and its /XRefStm for hybrid files). */
export function readSection(deps: SectionDeps, startxref: number): XrefSection {
  const offset = skipWhite(deps.src, startxref);
  const head = deps.src.read(offset, 4).toString('latin1');
  if (head === 'xref') {
    const t = withWindow(deps.src, offset, 65536, (p) => parseTable(p, deps.src.size));
    const xrefStm = asNumber(t.trailer.get('XRefStm'));
    let entries = t.entries;
    let streamObj: number | undefined;
    let shadowed: number[] | undefined;
    if (xrefStm !== undefined) {
      const s = readStreamSection(deps, xrefStm);
      streamObj = s.num;
      ({ entries, shadowed } = mergeHybrid(t.entries, s.entries));
    }
    return {
      offset: startxref,
      kind: 'table',
      entries,
      trailer: t.trailer,
      streamObj,
      hybrid: xrefStm !== undefined,
      shadowed,
      ...findEof(deps.src, t.end),
    };
  }
  const s = readStreamSection(deps, offset);
  return {
    offset: startxref,
    kind: 'stream',
    entries: s.entries,
    trailer: s.dict,
    streamObj: s.num,
    hybrid: false,
    ...findEof(deps.src, s.end),
  };
}

/** All sections from the last startxref back along /Prev, newest first. */
export function readAllSections(deps: SectionDeps): XrefSection[] {
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let total = 0;
  let next: number | undefined = findStartxref(deps.src);
  while (next !== undefined) {
    // a writer never makes a /Prev cycle: it is a crafted file, refused rather than read in circles
    if (seen.has(next)) throw pdfXrefLoop(`/Prev ${next} already read`);
    if (seen.size >= MAX_SECTIONS) throw pdfXrefLoop(`over ${MAX_SECTIONS} sections`);
    if (!Number.isInteger(next) || next < 0 || next >= deps.src.size)
      throw pdfBroken(`cross-reference offset ${next} out of the file`);
    seen.add(next);
    const s = readSection(deps, next);
    total += s.entries.size;
    if (total > 2 * entryLimit(deps)) throw pdfXrefTooLarge(`${total} entries in ${seen.size} sections`);
    sections.push(s);
    next = asNumber(s.trailer.get('Prev'));
  }
  return sections;
}
